package io.chartersync.guestpage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.Json;
import io.chartersync.storage.FileBlobStore;
import io.chartersync.storage.LocalUploads;
import io.chartersync.storage.UploadTarget;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.Photos;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guest photos on the embedded store: presign, upload straight to the store, ingest, gallery. */
class PhotoUploadTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private String path;
    private String slug;
    private String token;

    @BeforeEach
    void publishAPage() {
        path = GuestPages.path(app, app.bookings().submitAndSync(Examples.futureBooking(3), 1));
        slug = GuestPages.slug(path);
        token = GuestPages.uploadToken(app.http().get(path, NOBODY).body());
    }

    @Test
    void a_presigned_upload_lands_in_the_gallery_stripped_and_immutable() throws Exception {
        byte[] photo = Photos.jpeg(3000, 2000, false);
        JsonNode presigned = presign("image/jpeg", photo.length);

        HttpResponse<String> put = Photos.upload(
                presigned.get("method").asText(), presigned.get("url").asText(), headers(presigned), photo);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        TestHttp.Response completed = app.http()
                .post(path(presigned.get("complete_url").asText()), "{\"upload_token\": \"" + token + "\"}", NOBODY);
        assertThat(completed.status()).isEqualTo(202);
        JsonNode ready = awaitState(presigned.get("status_url").asText(), "ready");

        String page = app.http().get(path, NOBODY).body();
        assertThat(page)
                .contains("Photos from the trip", ready.get("thumbnail_url").asText());
        HttpResponse<byte[]> full = Photos.getBytes(ready.get("full_url").asText());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(full.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ready.get("full_url").asText()).matches(".*/g/" + slug + "/photos/[0-9a-f]{64}\\.jpg");
        assertThat(uploadsLeft()).as("the raw upload is deleted once ingested").isZero();
    }

    @Test
    void the_form_without_javascript_posts_through_the_program_and_says_how_it_went() {
        HttpResponse<String> posted = Photos.postForm(
                app.baseUrl() + path + "photos", token, "boat.jpg", "image/jpeg", Photos.jpeg(1200, 900, true));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String result = posted.headers().firstValue("Location").orElseThrow();
        assertThat(result).startsWith(app.baseUrl() + "/g/" + slug + "/uploads/");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.http().get(path(result), NOBODY).body().contains("Your photo is in the gallery"));
        assertThat(app.http().get(path, NOBODY).body()).contains("Photos from the trip", "/photos/");
    }

    @Test
    void the_form_without_javascript_answers_a_refusal_with_a_page_saying_why() {
        HttpResponse<String> gif = Photos.postForm(
                app.baseUrl() + path + "photos", token, "anim.gif", "image/gif", new byte[] {71, 73, 70, 56, 57, 97});

        assertThat(gif.statusCode()).isEqualTo(400);
        assertThat(gif.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(gif.body()).contains("We could not add this photo", "image/jpeg", "Back to your charter page");
        assertThat(TestDatabase.count("select count(*) from guest_photo")).isZero();
    }

    @Test
    void a_cancelled_charter_shows_no_gallery_and_takes_no_more_photos() {
        HttpResponse<String> posted = Photos.postForm(
                app.baseUrl() + path + "photos", token, "boat.jpg", "image/jpeg", Photos.jpeg(800, 600, false));
        String result = posted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.http().get(path(result), NOBODY).body().contains("Your photo is in the gallery"));
        String bookingId = app.http()
                .get("/api/bookings?limit=1", io.chartersync.testsupport.TestHttp.As.OPERATOR)
                .json()
                .at("/bookings/0/id")
                .asText();

        app.http().post("/api/bookings/" + bookingId + "/cancel", "", io.chartersync.testsupport.TestHttp.As.OPERATOR);
        app.bookings().awaitSettled(bookingId, 2);

        String page = app.http().get(path, NOBODY).body();
        assertThat(page).contains("This charter was cancelled").doesNotContain("/photos/", "Photos from the trip");
        HttpResponse<String> refused = Photos.postForm(
                app.baseUrl() + path + "photos", token, "late.jpg", "image/jpeg", Photos.jpeg(800, 600, false));
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body())
                .as("a page for the browser, saying why")
                .contains("We could not add this photo", "cancelled");
        HttpResponse<String> gif = Photos.postForm(
                app.baseUrl() + path + "photos", token, "anim.gif", "image/gif", new byte[] {71, 73, 70, 56});
        assertThat(gif.statusCode()).isIn(400, 410);
    }

    @Test
    void an_html_file_declared_as_a_jpeg_is_refused_deleted_and_the_uploader_told() throws Exception {
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode presigned = presign("image/jpeg", html.length);
        Photos.upload("PUT", presigned.get("url").asText(), headers(presigned), html);
        app.http().post(path(presigned.get("complete_url").asText()), "{\"upload_token\": \"" + token + "\"}", NOBODY);

        JsonNode rejected = awaitState(presigned.get("status_url").asText(), "rejected");

        assertThat(rejected.get("reason").asText()).containsIgnoringCase("photo");
        assertThat(uploadsLeft()).isZero();
        assertThat(app.http().get(path, NOBODY).body()).doesNotContain("/photos/");
    }

    @Test
    void the_embedded_upload_url_takes_exactly_the_signed_key_type_and_size() {
        byte[] photo = Photos.jpeg(400, 300, false);
        JsonNode presigned = presign("image/jpeg", photo.length);
        String url = presigned.get("url").asText();

        Map<String, String> png = Map.of("Content-Type", "image/png");
        assertThat(Photos.upload("PUT", url, png, photo).statusCode()).isEqualTo(403);
        byte[] longer = java.util.Arrays.copyOf(photo, photo.length + 10);
        assertThat(Photos.upload("PUT", url, headers(presigned), longer).statusCode())
                .isEqualTo(403);
        String otherKey =
                url.replaceFirst("/uploads/[^/]+/[^?]+", "/uploads/" + slug + "/00000000-0000-0000-0000-000000000000");
        assertThat(Photos.upload("PUT", otherKey, headers(presigned), photo).statusCode())
                .isEqualTo(403);
        assertThat(Photos.upload("PUT", url, headers(presigned), photo).statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_expired_upload_url_is_refused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        UploadTarget expired = new FileBlobStore(
                        Path.of("unused"),
                        new LocalUploads(TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8), app.baseUrl(), anHourAgo))
                .presignUpload(
                        "uploads/" + slug + "/11111111-1111-1111-1111-111111111111",
                        "image/jpeg",
                        3,
                        Duration.ofMinutes(10));

        HttpResponse<String> put =
                Photos.upload("PUT", expired.url().toString(), expired.headers(), new byte[] {1, 2, 3});

        assertThat(put.statusCode()).isEqualTo(403);
    }

    @Test
    void presign_refuses_before_signing_what_could_never_be_accepted() {
        assertRefused(presignBody(slug, token, "image/svg+xml", 1000), "content_type");
        assertRefused(presignBody(slug, token, "image/jpeg", 25L * 1024 * 1024 + 1), "size");
        assertRefused(presignBody(slug, token, "image/jpeg", 0), "size");
        assertRefused(presignBody(slug, "not-the-token", "image/jpeg", 1000), "upload_token");
        assertRefused(presignBody("Not A Slug", token, "image/jpeg", 1000), "slug");
        assertThat(TestDatabase.count("select count(*) from guest_photo")).isZero();
    }

    @Test
    void an_upload_route_takes_a_photo_over_one_mebibyte_while_other_routes_do_not() {
        byte[] photo = Photos.jpeg(1600, 1200, true);
        assertThat(photo.length).isGreaterThan(1024 * 1024);
        JsonNode presigned = presign("image/jpeg", photo.length);

        assertThat(Photos.upload("PUT", presigned.get("url").asText(), headers(presigned), photo)
                        .statusCode())
                .isEqualTo(200);
        assertThat(app.http()
                        .post("/g/presign", "{\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}", NOBODY)
                        .status())
                .isEqualTo(413);
    }

    private JsonNode presign(String type, long size) {
        TestHttp.Response response = app.http().post("/g/presign", presignBody(slug, token, type, size), NOBODY);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("method").asText()).isEqualTo("PUT");
        assertThat(response.json().get("expires_at").asText()).isNotBlank();
        return response.json();
    }

    private static String presignBody(String slug, String token, String type, long size) {
        return Json.mapper()
                .createObjectNode()
                .put("slug", slug)
                .put("upload_token", token)
                .put("content_type", type)
                .put("size", size)
                .toString();
    }

    private static void assertRefused(String body, String field) {
        TestHttp.Response response = app.http().post("/g/presign", body, NOBODY);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private static Map<String, String> headers(JsonNode presigned) {
        Map<String, String> headers = new HashMap<>();
        presigned
                .get("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    private static JsonNode awaitState(String statusUrl, String state) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> app.http()
                        .get(path(statusUrl), NOBODY)
                        .json()
                        .get("state")
                        .asText()
                        .equals(state));
        return app.http().get(path(statusUrl), NOBODY).json();
    }

    private static String path(String url) {
        return url.substring(app.baseUrl().toString().length());
    }

    private static long uploadsLeft() throws java.io.IOException {
        Path uploads = app.siteDir().resolve("uploads");
        if (!Files.exists(uploads)) {
            return 0;
        }
        try (var files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".meta"))
                    .count();
        }
    }
}
