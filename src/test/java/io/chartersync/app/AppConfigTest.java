package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.Hashes;
import io.chartersync.mail.SmtpServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the configuration: production mode demands secrets, embedded mode generates them. */
class AppConfigTest {
    private static final String DATABASE_URL = "postgres://nobody:x@127.0.0.1:1/none";
    private static final String TOKEN_HASH = Hashes.sha256Hex("operator-token");
    private static final String KEY_HASH = Hashes.sha256Hex("service-key");

    @Test
    void embedded_mode_needs_no_secrets() {
        AppConfig config = AppConfig.from(Map.of("DATA_DIR", "/srv/charter"), Map.of());

        assertThat(config.production()).isFalse();
        assertThat(config.db().url()).isEmpty();
        assertThat(config.keys().dashboardTokenHashes()).isEmpty();
        assertThat(config.keys().serviceKeyHashes()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/charter"));
    }

    @Test
    void empty_environment_means_embedded_mode_on_port_8080_with_data_in_dot_data() {
        AppConfig config = AppConfig.from(Map.of(), Map.of());

        assertThat(config.production()).isFalse();
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().publicBaseUrl()).hasToString("http://localhost:8080");
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void production_mode_with_both_hashes_starts() {
        AppConfig config = AppConfig.from(production(TOKEN_HASH, KEY_HASH), Map.of());

        assertThat(config.production()).isTrue();
        assertThat(config.keys().dashboardTokenHashes()).containsExactly(TOKEN_HASH);
        assertThat(config.keys().serviceKeyHashes()).containsExactly(KEY_HASH);
    }

    @Test
    void production_mode_without_dashboard_token_hash_names_it() {
        assertRefused(production(null, KEY_HASH), "DASHBOARD_TOKEN_HASH");
    }

    @Test
    void production_mode_without_service_key_hash_names_it() {
        assertRefused(production(TOKEN_HASH, null), "SERVICE_KEY_HASH");
    }

    @Test
    void empty_or_blank_hash_counts_as_missing() {
        assertRefused(production("", KEY_HASH), "DASHBOARD_TOKEN_HASH");
        assertRefused(production(TOKEN_HASH, ""), "SERVICE_KEY_HASH");
        assertRefused(production("   ", KEY_HASH), "DASHBOARD_TOKEN_HASH");
        assertRefused(production(TOKEN_HASH, " , "), "SERVICE_KEY_HASH");
    }

    @Test
    void unresolved_placeholder_counts_as_missing() {
        assertRefused(production("${DASHBOARD_TOKEN_HASH}", KEY_HASH), "DASHBOARD_TOKEN_HASH");
        assertRefused(production(TOKEN_HASH, "${SERVICE_KEY_HASH}"), "SERVICE_KEY_HASH");
    }

    @Test
    void unresolved_database_url_placeholder_is_refused_rather_than_falling_back_to_embedded() {
        assertRefused(Map.of("DATABASE_URL", "${DATABASE_URL}"), "DATABASE_URL");
    }

    @Test
    void mail_from_that_is_not_an_address_is_refused_naming_it() {
        assertRefused(Map.of("MAIL_FROM", "Ops <ops@>"), "MAIL_FROM");
    }

    @Test
    void hash_that_is_not_64_hex_digits_is_refused_naming_the_variable() {
        assertRefused(production("operator-token", KEY_HASH), "DASHBOARD_TOKEN_HASH");
        assertRefused(production(TOKEN_HASH, KEY_HASH.substring(1)), "SERVICE_KEY_HASH");
        assertRefused(production(TOKEN_HASH + "," + "z".repeat(64), KEY_HASH), "DASHBOARD_TOKEN_HASH");
    }

    @Test
    void malformed_hash_is_refused_in_embedded_mode_too() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("SERVICE_KEY_HASH", "not-a-hash"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SERVICE_KEY_HASH");
    }

    @Test
    void comma_separated_hashes_allow_rotation_and_are_lowercased() {
        String next = Hashes.sha256Hex("next-operator-token");
        AppConfig config = AppConfig.from(production(TOKEN_HASH.toUpperCase() + " , " + next, KEY_HASH), Map.of());

        assertThat(config.keys().dashboardTokenHashes()).containsExactly(TOKEN_HASH, next);
    }

    @Test
    void flags_win_over_the_environment() {
        AppConfig config = AppConfig.from(
                Map.of("PORT", "9000", "DATA_DIR", "/from/env"), Map.of("PORT", "9100", "DATA_DIR", "/from/flag"));

        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.http().publicBaseUrl()).hasToString("http://localhost:9100");
        assertThat(config.dataDir()).isEqualTo(Path.of("/from/flag"));
    }

    @Test
    void bad_port_is_refused_naming_it() {
        assertRefused(Map.of("PORT", "eighty"), "PORT");
        assertRefused(Map.of("PORT", "70000"), "PORT");
    }

    @Test
    void unanswered_alert_defaults_to_48_hours_and_a_bad_value_is_refused_naming_it() {
        assertThat(AppConfig.from(Map.of(), Map.of()).unansweredAlert()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(AppConfig.from(Map.of("UNANSWERED_ALERT_HOURS", "24"), Map.of())
                        .unansweredAlert())
                .isEqualTo(java.time.Duration.ofHours(24));
        assertRefused(Map.of("UNANSWERED_ALERT_HOURS", "two days"), "UNANSWERED_ALERT_HOURS");
        assertRefused(Map.of("UNANSWERED_ALERT_HOURS", "0"), "UNANSWERED_ALERT_HOURS");
        assertRefused(Map.of("UNANSWERED_ALERT_HOURS", "721"), "UNANSWERED_ALERT_HOURS");
    }

    @Test
    void feeds_reach_only_public_addresses_unless_allowed_and_a_bad_value_is_refused_naming_it() {
        assertThat(AppConfig.from(Map.of(), Map.of()).feedAllowPrivateAddresses())
                .isFalse();
        assertThat(AppConfig.from(Map.of("FEED_ALLOW_PRIVATE_ADDRESSES", "true"), Map.of())
                        .feedAllowPrivateAddresses())
                .isTrue();
        assertRefused(Map.of("FEED_ALLOW_PRIVATE_ADDRESSES", "yes"), "FEED_ALLOW_PRIVATE_ADDRESSES");
    }

    @Test
    void smtp_url_gives_host_port_and_url_decoded_user_and_password() {
        SmtpServer smtp = smtp("smtp://AKIA%2B1:se%2Fcr+et%40x@smtp.example.com:2587");

        assertThat(smtp.implicitTls()).isFalse();
        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(2587);
        assertThat(smtp.user()).hasValue("AKIA+1");
        assertThat(smtp.password()).hasValue("se/cr+et@x");
    }

    @Test
    void smtp_without_port_uses_587_and_smtps_465() {
        SmtpServer smtp = smtp("smtp://smtp.example.com");
        SmtpServer smtps = smtp("smtps://user:pass@smtp.example.com");

        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.implicitTls()).isFalse();
        assertThat(smtp.user()).isEmpty();
        assertThat(smtp.password()).isEmpty();
        assertThat(smtps.port()).isEqualTo(465);
        assertThat(smtps.implicitTls()).isTrue();
    }

    @Test
    void operator_contact_is_what_is_set_and_a_bad_name_or_phone_is_refused_naming_it() {
        assertThat(AppConfig.from(Map.of(), Map.of()).mail().operatorContact().isEmpty())
                .isTrue();
        AppConfig config = AppConfig.from(
                Map.of("OPERATOR_NAME", " Harbor Charters ", "OPERATOR_PHONE", "+1 (619) 555-0199"), Map.of());
        assertThat(config.mail().operatorContact().name()).hasValue("Harbor Charters");
        assertThat(config.mail().operatorContact().phoneUri()).hasValue("tel:+16195550199");
        assertThat(config.mail().operatorContact().email()).isEmpty();
        assertThatThrownBy(() -> AppConfig.from(Map.of("OPERATOR_PHONE", "call me"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OPERATOR_PHONE");
        assertThatThrownBy(() -> AppConfig.from(Map.of("OPERATOR_NAME", "x".repeat(101)), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OPERATOR_NAME");
    }

    @Test
    void without_smtp_url_there_is_no_smtp_server() {
        assertThat(AppConfig.from(Map.of(), Map.of()).mail().smtp()).isEmpty();
        assertThat(AppConfig.from(Map.of("SMTP_URL", "${SMTP_URL}"), Map.of())
                        .mail()
                        .smtp())
                .isEmpty();
    }

    @Test
    void link_limits_default_to_30_per_link_and_100_per_address_and_a_bad_client_header_is_refused() {
        AppConfig config = AppConfig.from(Map.of(), Map.of());

        assertThat(config.http().linkLimits()).isEqualTo(new AppConfig.RateLimits(30, 100, 30));
        assertThat(config.http().clientAddressHeader()).isEmpty();
        assertThat(AppConfig.from(Map.of("CLIENT_ADDRESS_HEADER", "X-Forwarded-For"), Map.of())
                        .http()
                        .clientAddressHeader())
                .hasValue("X-Forwarded-For");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AppConfig.from(Map.of("CLIENT_ADDRESS_HEADER", "X Forwarded: For"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CLIENT_ADDRESS_HEADER");
    }

    @Test
    void smtp_url_with_another_scheme_is_refused_naming_it_without_the_password() {
        assertSmtpUrlRefused("https://user:hunter2@smtp.example.com:587");
        assertSmtpUrlRefused("user:hunter2@smtp.example.com");
    }

    @Test
    void smtp_url_without_host_is_refused_naming_it_without_the_password() {
        assertSmtpUrlRefused("smtp://user:hunter2@:587");
        assertSmtpUrlRefused("smtp:///");
        assertSmtpUrlRefused("smtps://user:hunter2@");
    }

    @Test
    void smtp_url_that_is_no_url_is_refused_without_repeating_it() {
        assertSmtpUrlRefused("smtp://user:hunter2 with spaces@smtp.example.com");
        assertSmtpUrlRefused("smtp://user:hunter2%zz@smtp.example.com");
        assertSmtpUrlRefused("smtp://user:hunter2@smtp.example.com:99999");
        assertSmtpUrlRefused("smtp://user:hunter2@smtp.example.com/path");
    }

    @Test
    void the_configuration_never_prints_the_smtp_password() {
        AppConfig config = AppConfig.from(Map.of("SMTP_URL", "smtps://user:hunter2@smtp.example.com"), Map.of());

        assertThat(config.toString()).doesNotContain("hunter2").contains("smtps://smtp.example.com:465");
    }

    private static SmtpServer smtp(String url) {
        return AppConfig.from(Map.of("SMTP_URL", url), Map.of()).mail().smtp().orElseThrow();
    }

    private static void assertSmtpUrlRefused(String url) {
        assertThatThrownBy(() -> AppConfig.from(Map.of("SMTP_URL", url), Map.of()))
                .as("start refused with SMTP_URL=%s", url)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SMTP_URL")
                .message()
                .doesNotContain("hunter2");
    }

    private static Map<String, String> production(String dashboardTokenHash, String serviceKeyHash) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", DATABASE_URL);
        if (dashboardTokenHash != null) {
            env.put("DASHBOARD_TOKEN_HASH", dashboardTokenHash);
        }
        if (serviceKeyHash != null) {
            env.put("SERVICE_KEY_HASH", serviceKeyHash);
        }
        return env;
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> AppConfig.from(env, Map.of()))
                .as("start refused with %s", env)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable);
    }
}
