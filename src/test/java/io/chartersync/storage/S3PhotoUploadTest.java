package io.chartersync.storage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.Photos;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.S3Proxy;
import io.chartersync.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A guest photo in S3 mode: presigned straight to the bucket, ingested from it, its gallery files in it. */
class S3PhotoUploadTest {
    private static final S3Proxy proxy = S3Proxy.shared();
    private static final String BUCKET = proxy.newBucket();

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(proxy.environment(BUCKET, "site"));

    @BeforeEach
    void empty_bucket() {
        proxy.empty(BUCKET);
    }

    @Test
    void a_photo_put_to_the_bucket_is_ingested_into_the_gallery_and_the_upload_removed() {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.futureBooking(4), 1));
        String slug = GuestPages.slug(path);
        String token = GuestPages.uploadToken(app.http().get(path, NOBODY).body());
        byte[] photo = Photos.jpeg(1200, 800, false);

        JsonNode presigned = app.http()
                .post(
                        "/g/presign",
                        Json.mapper()
                                .createObjectNode()
                                .put("slug", slug)
                                .put("upload_token", token)
                                .put("content_type", "image/jpeg")
                                .put("size", photo.length)
                                .toString(),
                        NOBODY)
                .json();
        URI target = URI.create(presigned.get("url").asText());
        assertThat(target.getPort())
                .as("straight to the store")
                .isEqualTo(proxy.endpoint().getPort());
        assertThat(target.getPath()).startsWith("/" + BUCKET + "/site/uploads/" + slug + "/");

        HttpResponse<String> put = Photos.upload("PUT", target.toString(), Map.of("Content-Type", "image/jpeg"), photo);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String base = app.baseUrl().toString();
        app.http()
                .post(
                        presigned.get("complete_url").asText().substring(base.length()),
                        "{\"upload_token\": \"" + token + "\"}",
                        NOBODY);
        String status = presigned.get("status_url").asText().substring(base.length());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.http()
                        .get(status, NOBODY)
                        .json()
                        .get("state")
                        .asText()
                        .equals("ready"));

        JsonNode ready = app.http().get(status, NOBODY).json();
        String full = ready.get("full_url").asText().substring(base.length() + 1);
        assertThat(proxy.client()
                        .headObject(b -> b.bucket(BUCKET).key("site/" + full))
                        .cacheControl())
                .isEqualTo("public, max-age=31536000, immutable");
        assertThat(proxy.client()
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("site/uploads/"))
                        .keyCount())
                .isZero();
        TestHttp.Response page = app.http().get(path, NOBODY);
        assertThat(page.body()).contains(ready.get("thumbnail_url").asText());
        assertThat(page.header("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self' " + proxy.endpoint().getScheme() + "://"
                        + proxy.endpoint().getRawAuthority());
        assertThat(app.http().put("/uploads/" + slug + "/x", "{}", NOBODY).status())
                .as("no local upload route in S3 mode")
                .isIn(404, 405);
    }
}
