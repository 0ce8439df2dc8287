package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Hashes;
import io.chartersync.db.Database;
import io.chartersync.testsupport.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code WEBHOOK_SECRETS}, read strictly in both modes, and {@code keys webhook-secret} in the data directory. */
class WebhookSecretsTest {
    private static final String A = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String B = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Pattern PRINTED = Pattern.compile("new webhook secret for fareharbor: (whsec_\\S+)");

    @Test
    void reads_several_secrets_of_one_source_for_a_rotation_in_either_mode() {
        String value = " fareharbor=" + A + " , zapier=" + B + ",fareharbor=" + B + ",";
        for (Map<String, String> env : List.of(embedded(value), production(value))) {
            AppConfig config = AppConfig.from(env, Map.of());
            assertThat(config.webhooks().secrets())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("fareharbor", List.of(A, B), "zapier", List.of(B)));
            assertThat(config.toString()).contains("fareharbor").doesNotContain(B.substring(8));
        }
        assertThat(AppConfig.from(Map.of(), Map.of()).webhooks().secrets()).isEmpty();
    }

    @Test
    void a_malformed_entry_stops_the_start_in_either_mode_naming_its_place_never_its_value() {
        String shortKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);
        Map<String, String> wrongs = Map.of(
                "fareharbor=" + A + ",zapier" + B,
                "entry 2 has no '='",
                "fareharbor=" + A.substring("whsec_".length()),
                "entry 1 (source fareharbor) does not start with whsec_",
                "fareharbor=whsec_not*base64",
                "entry 1 (source fareharbor) is not base64",
                "zapier=" + B + ",fareharbor=" + shortKey,
                "entry 2 (source fareharbor) decodes to 16 bytes",
                "Fare Harbor=" + A,
                "entry 1 does not start with a source name");
        wrongs.forEach((value, message) -> {
            for (Map<String, String> env : List.of(embedded(value), production(value))) {
                assertThatThrownBy(() -> AppConfig.from(env, Map.of()))
                        .as(message)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageStartingWith("WEBHOOK_SECRETS: ")
                        .hasMessageContaining(message)
                        .message()
                        .doesNotContain(A.substring(8))
                        .doesNotContain(B.substring(8))
                        .doesNotContain("not*base64")
                        .doesNotContain(shortKey.substring(8));
            }
        });
    }

    @Test
    void the_server_sees_a_secret_made_or_retired_in_the_data_directory_without_a_restart() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-webhook-live");
        AppConfig config =
                AppConfig.from(Map.of("DATA_DIR", data.toString(), "WEBHOOK_SECRETS", "zapier=" + B), Map.of());
        Path file = WebhookSecrets.file(config);
        var live = WebhookSecrets.live(config);
        assertThat(live.get()).containsOnlyKeys("zapier");

        WebhookSecrets.Change first = WebhookSecrets.add(file, "fareharbor", false, new java.security.SecureRandom());
        first.apply();
        String one = first.secret().orElseThrow();
        assertThat(live.get().get("fareharbor")).containsExactly(one);
        WebhookSecrets.Change second = WebhookSecrets.add(file, "fareharbor", false, new java.security.SecureRandom());
        second.apply();
        WebhookSecrets.retire(file, "fareharbor").apply();
        assertThat(live.get().get("fareharbor")).containsExactly(second.secret().orElseThrow());

        Files.writeString(file, "fareharbor=not-a-secret\n");
        assertThat(live.get().get("fareharbor"))
                .as("a file made malformed by hand keeps the secrets read before")
                .containsExactly(second.secret().orElseThrow());
        assertThat(live.get()).containsEntry("zapier", List.of(B));
    }

    @Test
    void keys_webhook_secret_keeps_new_secrets_in_the_data_directory_which_the_server_reads() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-webhook-secrets");
        Map<String, String> env = Map.of("DATA_DIR", data.toString(), "WEBHOOK_SECRETS", "zapier=" + B);

        Cli.Run first = Cli.run(env, "keys", "webhook-secret", "fareharbor");
        Cli.Run second = Cli.run(env, "keys", "webhook-secret", "fareharbor");
        String one = printed(first);
        String two = printed(second);
        AppConfig config = AppConfig.from(env, Map.of());
        Path file = data.resolve("secrets").resolve(WebhookSecrets.FILE);

        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
        assertThat(two).isNotEqualTo(one);
        assertThat(second.out())
                .contains("together with 1 older one (still accepted)")
                .contains("--retire");
        assertThat(WebhookSecrets.all(config))
                .containsExactlyInAnyOrderEntriesOf(Map.of("fareharbor", List.of(one, two), "zapier", List.of(B)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        Cli.Run retired = Cli.run(env, "keys", "webhook-secret", "fareharbor", "--retire");
        assertThat(retired.exitCode()).as(retired.output()).isZero();
        assertThat(WebhookSecrets.all(config).get("fareharbor")).containsExactly(two);

        String three = printed(Cli.run(env, "keys", "webhook-secret", "fareharbor", "--replace"));
        assertThat(WebhookSecrets.all(config).get("fareharbor")).containsExactly(three);

        Cli.Run badSource = Cli.run(env, "keys", "webhook-secret", "Fare Harbor");
        assertThat(badSource.exitCode()).isNotZero();
        assertThat(badSource.err()).contains("is not a source name");

        // Each change is a key rotation on record, by fingerprint, never the secret itself.
        try (Database db = ToolDatabase.open(config)) {
            List<AuditRecord> entries =
                    db.jdbi().withHandle(h -> AuditChain.entriesFor(h, "key:webhook-secret:fareharbor"));
            assertThat(entries)
                    .extracting(e -> e.action() + " by " + e.actor())
                    .containsExactly(
                            "key.rotated by cli", "key.rotated by cli", "key.retired by cli", "key.rotated by cli");
            assertThat(entries.get(1).details())
                    .contains(WebhookSecrets.fingerprint(one))
                    .contains(WebhookSecrets.fingerprint(two));
            assertThat(entries.get(2).details()).contains("\"retired\":[\"" + WebhookSecrets.fingerprint(one));
            for (AuditRecord e : entries) {
                for (String secret : List.of(one, two, three)) {
                    assertThat(e.details()).doesNotContain(secret.substring("whsec_".length(), 20));
                }
            }
            assertThat(db.jdbi().withHandle(AuditChain::verify)).isInstanceOf(AuditChain.Intact.class);
        }
    }

    @Test
    void keys_webhook_secret_refuses_in_production_mode_pointing_to_webhook_secrets() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-webhook-secrets");
        Map<String, String> env = new java.util.HashMap<>(production(""));
        env.put("DATA_DIR", data.toString());

        Cli.Run run = Cli.run(env, "keys", "webhook-secret", "fareharbor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("charter-sync: keys webhook-secret works in embedded mode only; in production mode"
                        + " (DATABASE_URL is set) set WEBHOOK_SECRETS=fareharbor=whsec_… on every node (make one"
                        + " with: echo whsec_$(openssl rand -base64 32))");
        assertThat(data.resolve("secrets").resolve(WebhookSecrets.FILE)).doesNotExist();
    }

    private static String printed(Cli.Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher m = PRINTED.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    private static Map<String, String> embedded(String secrets) {
        return Map.of("DATA_DIR", "/srv/charter", "WEBHOOK_SECRETS", secrets);
    }

    private static Map<String, String> production(String secrets) {
        return Map.of(
                "DATABASE_URL",
                "postgres://nobody:x@127.0.0.1:1/none",
                "DASHBOARD_TOKEN_HASH",
                Hashes.sha256Hex("operator-token"),
                "SERVICE_KEY_HASH",
                Hashes.sha256Hex("service-key"),
                "WEBHOOK_SECRETS",
                secrets);
    }
}
