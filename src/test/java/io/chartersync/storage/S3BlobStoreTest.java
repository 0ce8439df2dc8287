package io.chartersync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.S3Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against a real S3 API (s3proxy in its own process). */
class S3BlobStoreTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String SHORT = "public, max-age=60, must-revalidate";
    private static final Optional<AwsKeys> KEYS =
            Optional.of(new AwsKeys(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY, Optional.empty()));

    private final S3Proxy proxy = S3Proxy.shared();
    private String bucket;
    private S3BlobStore blobs;

    @BeforeEach
    void new_bucket() {
        bucket = proxy.newBucket();
        blobs = blobsFor(bucket, "site", KEYS);
    }

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void put_stores_the_bytes_with_content_type_and_cache_control() {
        blobs.put("g/may-30.html", bytes("<h1>JADA</h1>"), HTML, SHORT);

        Blob blob = blobs.get("g/may-30.html").orElseThrow();
        assertThat(new String(blob.bytes(), StandardCharsets.UTF_8)).isEqualTo("<h1>JADA</h1>");
        assertThat(S3Proxy.mediaType(blob.contentType())).isEqualTo("text/html;charset=utf-8");
        assertThat(blob.cacheControl()).isEqualTo(SHORT);
        HeadObjectResponse head =
                proxy.client().headObject(b -> b.bucket(bucket).key("site/g/may-30.html"));
        assertThat(S3Proxy.mediaType(head.contentType())).isEqualTo("text/html;charset=utf-8");
        assertThat(head.cacheControl()).isEqualTo(SHORT);
    }

    @Test
    void put_answers_the_quoted_etag_that_get_reports() {
        String etag = blobs.put("g/page.html", bytes("one"), HTML, SHORT);

        assertThat(etag).matches("\"[^\"]+\"");
        assertThat(blobs.get("g/page.html").orElseThrow().etag()).isEqualTo(etag);
    }

    @Test
    void overwrite_replaces_the_object_and_its_etag() {
        String first = blobs.put("g/page.html", bytes("first version"), HTML, SHORT);
        String second = blobs.put("g/page.html", bytes("second version"), "text/plain", "no-cache");

        Blob blob = blobs.get("g/page.html").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(blob.etag()).isEqualTo(second);
        assertThat(new String(blob.bytes(), StandardCharsets.UTF_8)).isEqualTo("second version");
        assertThat(blob.contentType()).isEqualTo("text/plain");
        assertThat(blob.cacheControl()).isEqualTo("no-cache");
    }

    @Test
    void the_same_bytes_give_the_same_etag() {
        String first = blobs.put("g/page.html", bytes("same"), HTML, SHORT);

        assertThat(blobs.put("g/page.html", bytes("same"), HTML, SHORT)).isEqualTo(first);
    }

    @Test
    void delete_removes_the_object_and_deleting_a_missing_one_is_fine() {
        blobs.put("g/page.html", bytes("x"), HTML, SHORT);

        blobs.delete("g/page.html");
        blobs.delete("g/page.html");
        blobs.delete("g/never-there.html");

        assertThat(blobs.get("g/page.html")).isEmpty();
        assertThat(proxy.client().listObjectsV2(b -> b.bucket(bucket)).contents())
                .isEmpty();
    }

    @Test
    void get_of_a_missing_key_is_empty() {
        assertThat(blobs.get("g/nobody.html")).isEmpty();
    }

    @Test
    void keys_are_stored_under_the_prefix_and_another_prefix_does_not_see_them() {
        blobs.put("g/page.html", bytes("x"), HTML, SHORT);
        try (S3BlobStore other = blobsFor(bucket, "other/site", KEYS);
                S3BlobStore bare = blobsFor(bucket, "", KEYS)) {

            assertThat(proxy.client().listObjectsV2(b -> b.bucket(bucket)).contents())
                    .extracting(S3Object::key)
                    .containsExactly("site/g/page.html");
            assertThat(other.get("g/page.html")).isEmpty();
            assertThat(bare.get("site/g/page.html")).isPresent();
            other.put("g/page.html", bytes("y"), HTML, SHORT);
            assertThat(new String(blobs.get("g/page.html").orElseThrow().bytes(), StandardCharsets.UTF_8))
                    .isEqualTo("x");
        }
    }

    @Test
    void a_key_that_leaves_the_prefix_is_refused() {
        assertThatThrownBy(() -> blobs.put("../outside.html", bytes("x"), HTML, SHORT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.get("/g/page.html")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.get("g/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_bucket_is_a_storage_error_naming_it_and_storage_url() {
        try (S3BlobStore missing = blobsFor("no-such-bucket-here", "site", KEYS)) {
            assertThatThrownBy(() -> missing.put("g/page.html", bytes("x"), HTML, SHORT))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://no-such-bucket-here/site/g/page.html")
                    .hasMessageContaining("NoSuchBucket")
                    .hasMessageContaining("STORAGE_URL");
        }
    }

    @Test
    void a_wrong_secret_is_a_storage_error_naming_the_credentials_but_not_the_secret() {
        String wrong = "wrong-secret-0123456789abcdefghijklmno";
        try (S3BlobStore refused =
                blobsFor(bucket, "site", Optional.of(new AwsKeys(S3Proxy.ACCESS_KEY, wrong, Optional.empty())))) {
            assertThatThrownBy(() -> refused.put("g/page.html", bytes("x"), HTML, SHORT))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("403")
                    .hasMessageContaining("AWS_SECRET_ACCESS_KEY")
                    .hasMessageNotContaining(wrong);
        }
    }

    @Test
    void an_unreachable_store_is_a_storage_error_the_sync_retries() {
        URI nobody = URI.create("http://127.0.0.1:" + ChildProcess.freePort());
        try (S3BlobStore unreachable =
                S3BlobStore.create(new StorageUrl(bucket, "site", S3Proxy.REGION, Optional.of(nobody)), KEYS)) {
            assertThatThrownBy(() -> unreachable.get("g/page.html"))
                    .isInstanceOf(StorageException.class)
                    .isNotInstanceOf(io.chartersync.common.AppException.class)
                    .hasMessageStartingWith("could not reach S3 for GET s3://" + bucket + "/site/g/page.html");
        }
    }

    private S3BlobStore blobsFor(String bucketName, String prefix, Optional<AwsKeys> keys) {
        return S3BlobStore.create(
                new StorageUrl(bucketName, prefix, S3Proxy.REGION, Optional.of(proxy.endpoint())), keys);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
