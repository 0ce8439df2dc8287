package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.common.Hashes;
import io.chartersync.testsupport.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charter-sync serve} in production mode (DATABASE_URL set) without its secrets: the process
 * refuses to start, naming the variable, before anything touches the database. The database URL points
 * at a port nobody listens on, so reaching for it would show as a connection error.
 */
class ProductionModeTest {
    private static final String UNREACHABLE_DATABASE = "postgres://nobody:x@127.0.0.1:1/none";
    private static final String VALID_HASH = Hashes.sha256Hex("some-secret");
    private static final int CONFIG_ERROR = 78;

    @TempDir
    Path dataDir;

    @Test
    void missing_dashboard_token_hash_stops_the_start_naming_it() throws IOException {
        assertRefused(env(null, VALID_HASH), "DASHBOARD_TOKEN_HASH");
    }

    @Test
    void empty_service_key_hash_stops_the_start_naming_it() throws IOException {
        assertRefused(env(VALID_HASH, ""), "SERVICE_KEY_HASH");
    }

    @Test
    void placeholder_dashboard_token_hash_stops_the_start_naming_it() throws IOException {
        assertRefused(env("${DASHBOARD_TOKEN_HASH}", VALID_HASH), "DASHBOARD_TOKEN_HASH");
    }

    @Test
    void hash_that_is_not_64_hex_digits_stops_the_start_naming_it() throws IOException {
        assertRefused(env(VALID_HASH, "0123456789abcdef"), "SERVICE_KEY_HASH");
    }

    /** The control: with both secrets the start does go on to the (unreachable) database. */
    @Test
    void with_both_hashes_the_start_reaches_for_the_database() {
        try (ChildProcess serve = ChildProcess.start(Main.class, env(VALID_HASH, VALID_HASH), "serve")) {
            int exit = serve.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as(serve.output()).isNotZero().isNotEqualTo(CONFIG_ERROR);
            assertThat(serve.output()).containsIgnoringCase("connection").doesNotContain("configuration error");
        }
    }

    private void assertRefused(Map<String, String> env, String variable) throws IOException {
        try (ChildProcess serve = ChildProcess.start(Main.class, env, "serve")) {
            int exit = serve.awaitExit(Duration.ofSeconds(30));
            String output = serve.output();

            assertThat(exit).as(output).isEqualTo(CONFIG_ERROR);
            assertThat(output).contains("configuration error: " + variable);
            assertThat(output)
                    .doesNotContainIgnoringCase("connection")
                    .doesNotContain("PSQLException", "HikariPool", "Flyway", "127.0.0.1:1", "Exception in thread");
            assertThat(output).doesNotContain("Charter Sync is running");
            try (Stream<Path> written = Files.list(dataDir)) {
                assertThat(written).as("files written to DATA_DIR").isEmpty();
            }
        }
    }

    private Map<String, String> env(String dashboardTokenHash, String serviceKeyHash) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", UNREACHABLE_DATABASE);
        env.put("DATA_DIR", dataDir.toString());
        env.put("PORT", Integer.toString(ChildProcess.freePort()));
        if (dashboardTokenHash != null) {
            env.put("DASHBOARD_TOKEN_HASH", dashboardTokenHash);
        }
        if (serviceKeyHash != null) {
            env.put("SERVICE_KEY_HASH", serviceKeyHash);
        }
        return env;
    }
}
