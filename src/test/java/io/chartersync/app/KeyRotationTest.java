package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Hashes;
import io.chartersync.db.Database;
import io.chartersync.testsupport.AuditTrail;
import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.OrphanPostgres;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rotation: after {@code keys rotate-service-key} the old and the new crew-service key are both accepted;
 * after {@code keys retire-service-key} the old one is refused. Every rotation is on record by {@code cli}.
 */
class KeyRotationTest {
    private static final Pattern NEW_KEY = Pattern.compile("new crew-service key[^:]*: (\\S+)");
    private static final String EVENTS = "/events?from=2024-05-01&to=2024-05-31";

    @BeforeAll
    static void migrateTheTestDatabase() {
        Database.external(TestDatabase.jdbcUrl(), 2).close();
    }

    @Test
    void embedded_server_accepts_both_keys_after_a_rotation_and_refuses_the_old_one_once_retired() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-rotate");
        int port = ChildProcess.freePort();
        try (ChildProcess serve = ChildProcess.start(
                Main.class, Map.of(), "serve", "--data", data.toString(), "--port", Integer.toString(port))) {
            serve.awaitLineStartingWith("Press Ctrl-C", Duration.ofSeconds(90));
            String old = Secrets.stored(data, Secrets.SERVICE_KEY_FILE).orElseThrow();
            int oldBefore = events(port, old);

            Cli.Run rotate = Cli.run(Map.of(), "keys", "rotate-service-key", "--data", data.toString());
            String fresh = newKey(rotate);
            int oldAfterRotation = events(port, old);
            int freshAfterRotation = events(port, fresh);
            Cli.Run retire = Cli.run(Map.of(), "keys", "retire-service-key", "--data", data.toString());
            int oldAfterRetirement = events(port, old);
            int freshAfterRetirement = events(port, fresh);
            Cli.Run verify = Cli.run(Map.of(), "audit", "verify", "--data", data.toString());

            assertThat(oldBefore).isEqualTo(200);
            assertThat(rotate.exitCode()).as(rotate.output()).isZero();
            assertThat(rotate.out())
                    .contains("SERVICE_KEY_HASH=" + Hashes.sha256Hex(fresh) + "," + Hashes.sha256Hex(old) + "\n");
            assertThat(Secrets.stored(data, Secrets.SERVICE_KEY_FILE)).hasValue(fresh);
            assertThat(oldAfterRotation).as("old key after the rotation").isEqualTo(200);
            assertThat(freshAfterRotation).as("new key after the rotation").isEqualTo(200);
            assertThat(retire.exitCode()).as(retire.output()).isZero();
            assertThat(retire.out()).contains("SERVICE_KEY_HASH=" + Hashes.sha256Hex(fresh) + "\n");
            assertThat(oldAfterRetirement).as("old key after the retirement").isEqualTo(401);
            assertThat(freshAfterRetirement).as("new key after the retirement").isEqualTo(200);
            assertThat(verify.out()).as(verify.output()).startsWith("audit ok: 2 entries, chain intact");
            try (Database db = Database.embeddedForTools(data.resolve("pg"))) {
                List<AuditRecord> entries = db.jdbi().withHandle(h -> AuditChain.entriesFor(h, "key:service-key"));
                assertThat(entries)
                        .extracting(e -> e.action() + " by " + e.actor())
                        .containsExactly("key.rotated by cli", "key.retired by cli");
                assertThat(String.join(
                                "\n", entries.stream().map(AuditRecord::details).toList()))
                        .doesNotContain(fresh)
                        .doesNotContain(old);
            }
        } finally {
            OrphanPostgres.stop(data.resolve("pg"));
        }
    }

    @Test
    void production_rotation_prints_the_variable_to_set_stores_no_key_and_the_retired_key_is_refused()
            throws Exception {
        TestDatabase.reset();
        Path data = Files.createTempDirectory("charter-sync-rotate-prod");
        String oldHash = Hashes.sha256Hex(TestApp.SERVICE_KEY);

        Cli.Run rotate = Cli.run(TestApp.environment(data), "keys", "rotate-service-key");
        String fresh = newKey(rotate);
        String both = variable(rotate);
        Cli.Run retire = Cli.run(with(data, both), "keys", "retire-service-key");
        String newest = variable(retire);

        assertThat(rotate.exitCode()).as(rotate.output()).isZero();
        assertThat(fresh).hasSize(43);
        assertThat(rotate.out()).contains("(shown once)").contains("stored nowhere");
        assertThat(both).isEqualTo(Hashes.sha256Hex(fresh) + "," + oldHash);
        assertThat(data.resolve("secrets/service-key")).doesNotExist();
        assertThat(data.resolve("secrets/" + ServiceKeys.HASHES_FILE)).doesNotExist();
        assertThat(retire.exitCode()).as(retire.output()).isZero();
        assertThat(newest).isEqualTo(Hashes.sha256Hex(fresh));
        try (TestApp app = TestApp.start(Map.of("SERVICE_KEY_HASH", both))) {
            assertThat(events(app.http(), TestApp.SERVICE_KEY))
                    .as("old key, both set")
                    .isEqualTo(200);
            assertThat(events(app.http(), fresh)).as("new key, both set").isEqualTo(200);
        }
        try (TestApp app = TestApp.start(Map.of("SERVICE_KEY_HASH", newest))) {
            assertThat(events(app.http(), TestApp.SERVICE_KEY))
                    .as("old key, retired")
                    .isEqualTo(401);
            assertThat(events(app.http(), fresh)).as("new key, retired").isEqualTo(200);
        }
        assertThat(AuditTrail.actions("key:service-key")).containsExactly("key.rotated by cli", "key.retired by cli");
        assertThat(AuditTrail.details(AuditTrail.of("key:service-key").getFirst()))
                .containsEntry(
                        "accepted",
                        List.of(ServiceKeys.fingerprint(Hashes.sha256Hex(fresh)), oldHash.substring(0, 12)));
    }

    @Test
    void retiring_with_one_key_accepted_changes_nothing() throws Exception {
        TestDatabase.reset();
        Path data = Files.createTempDirectory("charter-sync-retire-prod");

        Cli.Run retire = Cli.run(TestApp.environment(data), "keys", "retire-service-key");

        assertThat(retire.exitCode()).as(retire.output()).isZero();
        assertThat(retire.out()).startsWith("nothing to retire");
        assertThat(variable(retire)).isEqualTo(Hashes.sha256Hex(TestApp.SERVICE_KEY));
        assertThat(AuditTrail.of("key:service-key")).isEmpty();
    }

    @Test
    void feed_token_rotations_are_on_record_by_cli() throws Exception {
        TestDatabase.reset();
        Path data = Files.createTempDirectory("charter-sync-rotate-feed");

        Cli.Run shown = Cli.run(TestApp.environment(data), "keys");
        Cli.Run whole = Cli.run(TestApp.environment(data), "keys", "rotate-feed-token");
        Cli.Run boat = Cli.run(TestApp.environment(data), "keys", "rotate-feed-token", "--boat", "JADA");

        assertThat(shown.exitCode()).as(shown.output()).isZero();
        assertThat(whole.exitCode()).as(whole.output()).isZero();
        assertThat(boat.exitCode()).as(boat.output()).isZero();
        assertThat(AuditTrail.actions("key:feed-token")).containsExactly("key.rotated by cli");
        assertThat(AuditTrail.details(AuditTrail.of("key:feed-token").getFirst()))
                .containsEntry("revoked", 1);
        assertThat(AuditTrail.actions("key:feed-token:JADA")).containsExactly("key.rotated by cli");
        assertThat(AuditTrail.details(AuditTrail.of("key:feed-token:JADA").getFirst()))
                .containsEntry("boat", "JADA")
                .containsEntry("revoked", 0);
    }

    private static String newKey(Cli.Run run) {
        Matcher m = NEW_KEY.matcher(run.out());
        assertThat(m.find()).as(run.output()).isTrue();
        return m.group(1);
    }

    private static String variable(Cli.Run run) {
        return run.out()
                .lines()
                .filter(l -> l.startsWith("SERVICE_KEY_HASH="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SERVICE_KEY_HASH line in:\n" + run.output()))
                .substring("SERVICE_KEY_HASH=".length());
    }

    private static Map<String, String> with(Path data, String serviceKeyHash) {
        Map<String, String> env = new HashMap<>(TestApp.environment(data));
        env.put("SERVICE_KEY_HASH", serviceKeyHash);
        return env;
    }

    private static int events(TestHttp http, String key) {
        return http.send("GET", EVENTS, null, "", TestHttp.As.NOBODY, "X-Service-Key", key)
                .status();
    }

    private static int events(int port, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + EVENTS))
                                .header("X-Service-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
