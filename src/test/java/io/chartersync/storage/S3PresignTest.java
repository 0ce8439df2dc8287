package io.chartersync.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.S3Proxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presigned uploads, sent as a browser would, to a real S3 API: the store itself accepts exactly the
 * signed key, type and size before the expiry, and refuses (403) everything else.
 */
class S3PresignTest {
    private static final String KEY = "g/may-30/photos/upload-1.jpg";
    private static final byte[] PHOTO = photo(2048);

    private final S3Proxy proxy = S3Proxy.shared();
    private final HttpClient browser = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String bucket;
    private S3BlobStore blobs;

    @BeforeEach
    void new_bucket() {
        bucket = proxy.newBucket();
        blobs = S3BlobStore.create(
                new StorageUrl(bucket, "site", S3Proxy.REGION, Optional.of(proxy.endpoint())),
                Optional.of(new AwsKeys(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY, Optional.empty())));
    }

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void the_target_is_a_put_to_the_key_with_the_signed_content_type_and_its_expiry() {
        Instant before = Instant.now();
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));

        assertThat(target.method()).isEqualTo("PUT");
        assertThat(target.url().getPath()).isEqualTo("/" + bucket + "/site/" + KEY);
        assertThat(target.url().getQuery()).contains("X-Amz-SignedHeaders=content-length;content-type;host");
        assertThat(target.headers()).containsExactly(Map.entry("Content-Type", "image/jpeg"));
        assertThat(target.expiresAt())
                .isBetween(before.plusSeconds(599), Instant.now().plusSeconds(601));
    }

    @Test
    void a_presigned_put_of_the_signed_type_and_size_is_stored() {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));

        HttpResponse<String> answer = send(target.url(), target.headers(), PHOTO);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Blob stored = blobs.get(KEY).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(PHOTO);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void a_larger_body_is_refused_by_the_store() {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));

        HttpResponse<String> answer = send(target.url(), target.headers(), photo(PHOTO.length + 1));

        assertRefused(answer);
    }

    @Test
    void a_smaller_body_is_refused_by_the_store() {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));

        assertRefused(send(target.url(), target.headers(), photo(PHOTO.length - 1)));
    }

    @Test
    void another_content_type_is_refused_by_the_store() {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));

        assertRefused(send(target.url(), Map.of("Content-Type", "text/html"), PHOTO));
    }

    @Test
    void the_signature_on_another_key_is_refused_by_the_store() {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofMinutes(10));
        URI elsewhere = URI.create(target.url().toString().replace("/site/g/may-30/", "/site/g/another-slug/"));
        URI page = URI.create(target.url().toString().replace("/site/" + KEY, "/site/g/may-30.html"));

        assertRefused(send(elsewhere, target.headers(), PHOTO));
        assertRefused(send(page, target.headers(), PHOTO));
        assertThat(proxy.client().listObjectsV2(b -> b.bucket(bucket)).contents())
                .isEmpty();
    }

    @Test
    void an_expired_url_is_refused_by_the_store() throws InterruptedException {
        UploadTarget target = blobs.presignUpload(KEY, "image/jpeg", PHOTO.length, Duration.ofSeconds(1));

        Thread.sleep(2_100);

        assertRefused(send(target.url(), target.headers(), PHOTO));
    }

    private void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(blobs.get(KEY)).isEmpty();
    }

    /** A PUT as a browser sends it: these headers, and a Content-Length of the body's own size. */
    private HttpResponse<String> send(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the blobs did not answer " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] photo(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0x5a);
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xd8;
        return bytes;
    }
}
