package io.chartersync.app;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How CLI commands find a running server and its operator token. */
final class ClientOptions {
    @Mixin
    CommonOptions common;

    @Option(names = "--url", description = "Server URL (default: http://localhost:$PORT)")
    String url;

    ApiClient client() {
        AppConfig config = common.config();
        String token = Optional.ofNullable(common.env().get("DASHBOARD_TOKEN"))
                .filter(t -> !t.isBlank())
                .or(() -> Secrets.stored(config.dataDir(), Secrets.DASHBOARD_TOKEN_FILE))
                .orElseThrow(() -> new ConfigException(
                        "no operator token: set DASHBOARD_TOKEN, or run against the data directory of an embedded server ("
                                + config.dataDir() + ")"));
        URI base = url != null
                ? URI.create(url)
                : URI.create("http://localhost:" + config.http().port());
        return new ApiClient(base, token);
    }
}
