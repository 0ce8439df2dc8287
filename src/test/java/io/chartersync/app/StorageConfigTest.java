package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** STORAGE_URL, CDN_DISTRIBUTION_ID and the AWS keys in the configuration. */
class StorageConfigTest {

    @Test
    void without_storage_url_there_is_no_s3_and_no_cdn() {
        AppConfig.Storage storage = AppConfig.from(Map.of(), Map.of()).storage();

        assertThat(storage.url()).isEmpty();
        assertThat(storage.cdnDistributionId()).isEmpty();
        assertThat(storage.credentials()).isEmpty();
    }

    @Test
    void storage_url_cdn_and_keys_are_read() {
        AppConfig.Storage storage = AppConfig.from(
                        Map.of(
                                "STORAGE_URL", "s3://charters-site/site?region=us-west-2",
                                "CDN_DISTRIBUTION_ID", "E2QWRUHAPOMQZL",
                                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                                "AWS_SECRET_ACCESS_KEY", "the-secret-access-key"),
                        Map.of())
                .storage();

        assertThat(storage.url().orElseThrow().bucket()).isEqualTo("charters-site");
        assertThat(storage.cdnDistributionId()).contains("E2QWRUHAPOMQZL");
        assertThat(storage.credentials().orElseThrow().accessKeyId()).isEqualTo("AKIAEXAMPLE");
        assertThat(storage.credentials().orElseThrow().sessionToken()).isEmpty();
        assertThat(storage.toString()).doesNotContain("the-secret-access-key");
    }

    @Test
    void without_keys_the_sdk_default_chain_is_left_to_find_them() {
        AppConfig.Storage storage = AppConfig.from(Map.of("STORAGE_URL", "s3://charters-site"), Map.of())
                .storage();

        assertThat(storage.credentials()).isEmpty();
    }

    @Test
    void a_session_token_comes_along_with_temporary_keys() {
        AppConfig.Storage storage = AppConfig.from(
                        Map.of(
                                "STORAGE_URL", "s3://charters-site",
                                "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                                "AWS_SECRET_ACCESS_KEY", "the-secret-access-key",
                                "AWS_SESSION_TOKEN", "the-session-token"),
                        Map.of())
                .storage();

        assertThat(storage.credentials().orElseThrow().sessionToken()).contains("the-session-token");
        assertThat(storage.toString()).doesNotContain("the-session-token");
    }

    @Test
    void a_bad_storage_url_is_refused_naming_it() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("STORAGE_URL", "https://bucket.example.com"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("STORAGE_URL must start with s3://bucket")
                .hasMessageContaining("s3://bucket/prefix?region=");
    }

    @Test
    void a_bad_distribution_id_is_refused_naming_it() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("CDN_DISTRIBUTION_ID", "d123.cloudfront.net"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CDN_DISTRIBUTION_ID");
    }

    @Test
    void one_aws_key_without_the_other_is_refused_naming_both_without_the_secret() {
        assertThatThrownBy(() -> AppConfig.from(
                        Map.of("STORAGE_URL", "s3://charters-site", "AWS_SECRET_ACCESS_KEY", "the-secret-access-key"),
                        Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageContaining("AWS_SECRET_ACCESS_KEY")
                .hasMessageNotContaining("the-secret-access-key");
    }

    @Test
    void aws_keys_are_ignored_when_nothing_uses_them() {
        AppConfig.Storage storage = AppConfig.from(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), Map.of())
                .storage();

        assertThat(storage.url()).isEmpty();
    }
}
