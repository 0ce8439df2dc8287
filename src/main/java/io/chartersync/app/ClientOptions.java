package io.chartersync.app;

import java.net.URI;
import java.net.URISyntaxException;
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
                ? base(url)
                : URI.create("http://localhost:" + config.http().port());
        return new ApiClient(base, token);
    }

    /** The {@code --url}, an absolute http(s) URL; anything else stops the command naming it. */
    static URI base(String url) {
        try {
            URI base = new URI(url.strip());
            if (base.getHost() != null
                    && ("http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme()))) {
                return base;
            }
        } catch (URISyntaxException e) {
            // Said below.
        }
        throw new ConfigException("--url must be the server's address, like http://localhost:8080; was " + url);
    }
}
