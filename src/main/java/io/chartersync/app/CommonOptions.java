package io.chartersync.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes; they win over the environment. */
final class CommonOptions {
    @Option(names = "--data", description = "Data directory (default: $DATA_DIR, then ./data)")
    String data;

    @Option(names = "--port", description = "HTTP port (default: $PORT, then 8080)")
    Integer port;

    AppConfig config() {
        Map<String, String> flags = new HashMap<>();
        if (data != null) {
            flags.put("DATA_DIR", data);
        }
        if (port != null) {
            flags.put("PORT", port.toString());
        }
        return AppConfig.from(System.getenv(), flags);
    }
}
