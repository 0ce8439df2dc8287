package io.chartersync.app;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Options every command takes; they win over the environment. */
final class CommonOptions {
    private final Map<String, String> env;

    @Option(names = "--data", description = "Data directory (default: $DATA_DIR, then ./data)")
    String data;

    @Option(names = "--port", description = "HTTP port (default: $PORT, then 8080)")
    Integer port;

    CommonOptions() {
        this(System.getenv());
    }

    /** Options over another environment than the process's (commands run in-process by tests). */
    CommonOptions(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    /** True when the command line or the environment says where the server listens (a port or a base URL). */
    boolean addressGiven() {
        return port != null
                || Stream.of("PORT", "PUBLIC_BASE_URL").map(env::get).anyMatch(v -> v != null && !v.isBlank());
    }

    AppConfig config() {
        Map<String, String> flags = new HashMap<>();
        if (data != null) {
            flags.put("DATA_DIR", data);
        }
        if (port != null) {
            flags.put("PORT", port.toString());
        }
        return AppConfig.from(env, flags);
    }
}
