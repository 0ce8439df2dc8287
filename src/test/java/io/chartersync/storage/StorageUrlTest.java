package io.chartersync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Reading STORAGE_URL: AWS form, S3-compatible form, defaults, and what is refused. */
class StorageUrlTest {

    @Test
    void aws_form_gives_bucket_prefix_and_region() {
        StorageUrl url = StorageUrl.parse("s3://charters-site/prod/site?region=us-west-2");

        assertThat(url.bucket()).isEqualTo("charters-site");
        assertThat(url.prefix()).isEqualTo("prod/site");
        assertThat(url.region()).isEqualTo("us-west-2");
        assertThat(url.endpoint()).isEmpty();
        assertThat(url.pathStyle()).isFalse();
        assertThat(url.key("g/may-30.html")).isEqualTo("prod/site/g/may-30.html");
    }

    @Test
    void region_defaults_to_us_east_1_and_prefix_to_none() {
        StorageUrl url = StorageUrl.parse("s3://charters-site");

        assertThat(url.region()).isEqualTo("us-east-1");
        assertThat(url.prefix()).isEmpty();
        assertThat(url.key("g/may-30.html")).isEqualTo("g/may-30.html");
        assertThat(StorageUrl.parse("s3://charters-site/").prefix()).isEmpty();
        assertThat(StorageUrl.parse("s3://charters-site/site/").prefix()).isEqualTo("site");
    }

    @Test
    void an_endpoint_means_an_s3_compatible_store_addressed_path_style() {
        StorageUrl url = StorageUrl.parse("s3://site/pages?region=eu-central-1&endpoint=http://localhost:9000");

        assertThat(url.endpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(url.pathStyle()).isTrue();
        assertThat(url.region()).isEqualTo("eu-central-1");
        assertThat(StorageUrl.parse("s3://site?endpoint=https%3A%2F%2Fminio.internal%3A9000")
                        .endpoint())
                .contains(URI.create("https://minio.internal:9000"));
    }

    @Test
    void to_string_shows_where_without_anything_else() {
        assertThat(StorageUrl.parse("s3://site/pages?endpoint=http://localhost:9000"))
                .hasToString("s3://site/pages?region=us-east-1&endpoint=http://localhost:9000");
    }

    @Test
    void other_schemes_and_bad_buckets_are_refused() {
        assertRefused("https://site.s3.amazonaws.com/pages", "s3://bucket");
        assertRefused("s3:///pages", "s3://bucket");
        assertRefused("s3://Site_Bucket/pages", "bucket");
        assertRefused("s3://ab", "bucket");
        assertRefused("not a url at all", "not a URL");
    }

    @Test
    void credentials_in_the_url_are_refused_without_repeating_them() {
        assertThatThrownBy(() -> StorageUrl.parse("s3://AKIAKEY:secret-value@site/pages"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void unknown_settings_bad_regions_and_bad_endpoints_are_refused() {
        assertRefused("s3://site?regoin=us-west-2", "unknown setting 'regoin'");
        assertRefused("s3://site?region=US WEST", "not a URL");
        assertRefused("s3://site?region=Us_West", "region");
        assertRefused("s3://site?endpoint=localhost:9000", "endpoint");
        assertRefused("s3://site?endpoint=ftp://host", "endpoint");
        assertRefused("s3://site/a/../b", "'..'");
    }

    private static void assertRefused(String value, String why) {
        assertThatThrownBy(() -> StorageUrl.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }
}
