package io.chartersync.testsupport;

import io.chartersync.app.AppConfig;
import io.chartersync.app.Application;
import io.chartersync.app.Hooks;
import io.chartersync.common.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole program, started in-process on a free port against the shared test PostgreSQL (production
 * mode, with known secrets), files under a fresh temporary data directory.
 */
public final class TestApp implements AutoCloseable {
    public static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789abcdefghij";
    public static final String SERVICE_KEY = "service-key-for-tests-0123456789abcdefghijklm";
    public static final String LINK_KEY = "link-signing-key-for-tests-0123456789abcdefgh";

    private final Application app;
    private final Path dataDir;
    private final MovableClock clock;
    private final TestHttp http;

    private TestApp(Application app, Path dataDir, MovableClock clock) {
        this.app = app;
        this.dataDir = dataDir;
        this.clock = clock;
        // The port, not baseUrl(): a configured PUBLIC_BASE_URL names a host that is not this process.
        this.http = new TestHttp(URI.create("http://localhost:" + app.port()));
    }

    public static TestApp start() {
        return start(Map.of());
    }

    public static TestApp start(Map<String, String> extraEnv) {
        return start(extraEnv, Hooks.NONE);
    }

    /** The same, with test hooks inside the program (to fail a step, say). */
    public static TestApp start(Map<String, String> extraEnv, Hooks hooks) {
        Path dir;
        try {
            dir = Files.createTempDirectory("charter-sync-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(environment(dir));
        env.putAll(extraEnv);
        MovableClock clock = new MovableClock();
        return new TestApp(Application.start(AppConfig.from(env, Map.of()), clock, hooks), dir, clock);
    }

    /**
     * The environment of a production-mode start against the test database. The /m/* rate limits are
     * lifted (every test request comes from one address); RateLimitTest sets them back.
     */
    public static Map<String, String> environment(Path dataDir) {
        return Map.ofEntries(
                Map.entry("DATABASE_URL", TestDatabase.jdbcUrl()),
                Map.entry("DATA_DIR", dataDir.toString()),
                Map.entry("PORT", "0"),
                Map.entry("DASHBOARD_TOKEN_HASH", Hashes.sha256Hex(OPERATOR_TOKEN)),
                Map.entry("SERVICE_KEY_HASH", Hashes.sha256Hex(SERVICE_KEY)),
                Map.entry("LINK_SIGNING_KEY", LINK_KEY),
                Map.entry("LINK_RATE_LIMIT_PER_TOKEN", "100000"),
                Map.entry("LINK_RATE_LIMIT_PER_ADDRESS", "100000"),
                Map.entry("UPLOAD_RATE_LIMIT_PER_ADDRESS", "100000"));
    }

    public TestHttp http() {
        return http;
    }

    /** The base of every link the program builds: PUBLIC_BASE_URL, or http://localhost:port without it. */
    public URI baseUrl() {
        return app.baseUrl();
    }

    /** The program's clock: real time until a test moves it forward. */
    public MovableClock clock() {
        return clock;
    }

    /** The port the program listens on (on every address). */
    public int port() {
        return app.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path siteDir() {
        return dataDir.resolve("site");
    }

    @Override
    public void close() {
        app.close();
    }
}
