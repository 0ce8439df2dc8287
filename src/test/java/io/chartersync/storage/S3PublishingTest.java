package io.chartersync.storage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.S3Proxy;
import io.chartersync.testsupport.TestHttp;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The whole program with STORAGE_URL set: guest pages go to the bucket, and the program serves them from it. */
class S3PublishingTest {
    private static final S3Proxy proxy = S3Proxy.shared();
    private static final String BUCKET = proxy.newBucket();

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(proxy.environment(BUCKET, "site"));

    @BeforeEach
    void empty_bucket() {
        proxy.empty(BUCKET);
    }

    @Test
    void a_synced_booking_publishes_its_page_to_the_bucket_under_the_prefix() {
        String slug = slug(app.bookings().submitAndSync(Examples.booking(), 1));

        ResponseBytes<GetObjectResponse> page = object("site/g/" + slug + ".html");
        assertThat(S3Proxy.mediaType(page.response().contentType())).isEqualTo("text/html;charset=utf-8");
        assertThat(page.response().cacheControl()).isEqualTo("public, max-age=0, s-maxage=60, must-revalidate");
        assertThat(page.asUtf8String()).contains("JADA");
        assertThat(Files.exists(app.siteDir().resolve("g/" + slug + ".html")))
                .as("nothing is written under DATA_DIR/site")
                .isFalse();
    }

    @Test
    void the_program_serves_the_page_from_the_bucket_at_both_clean_urls() {
        String slug = slug(app.bookings().submitAndSync(Examples.booking(), 1));
        ResponseBytes<GetObjectResponse> stored = object("site/g/" + slug + ".html");

        for (String path : new String[] {"/g/" + slug + "/", "/g/" + slug}) {
            TestHttp.Response served = app.http().get(path, NOBODY);
            assertThat(served.status()).as(path).isEqualTo(200);
            assertThat(served.body()).isEqualTo(stored.asUtf8String());
            assertThat(served.header("ETag")).contains(stored.response().eTag());
            assertThat(served.header("Cache-Control")).contains("public, max-age=0, s-maxage=60, must-revalidate");
            assertThat(S3Proxy.mediaType(served.contentType())).isEqualTo("text/html;charset=utf-8");
        }
        TestHttp.Response again = app.http()
                .send(
                        "GET",
                        "/g/" + slug + "/",
                        null,
                        "",
                        NOBODY,
                        "If-None-Match",
                        stored.response().eTag());
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void a_cancel_publishes_the_page_again_over_the_same_key() {
        JsonNode synced = app.bookings().submitAndSync(Examples.booking(), 1);
        String slug = slug(synced);
        String before = object("site/g/" + slug + ".html").response().eTag();

        String id = synced.get("id").asText();
        assertThat(app.http()
                        .post("/api/bookings/" + id + "/cancel", "", OPERATOR)
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                object("site/g/" + slug + ".html").response().eTag())
                        .isNotEqualTo(before));
        assertThat(proxy.client()
                        .listObjectsV2(b -> b.bucket(BUCKET).prefix("site/g/"))
                        .keyCount())
                .as("the page and its calendar file, each overwritten in place")
                .isEqualTo(2);
        assertThat(app.http().get("/g/" + slug + "/", NOBODY).body())
                .isEqualTo(object("site/g/" + slug + ".html").asUtf8String());
    }

    private static ResponseBytes<GetObjectResponse> object(String key) {
        return proxy.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    }

    private static String slug(JsonNode status) {
        String path = URI.create(status.at("/guest_page/url").asText()).getPath();
        assertThat(path).matches("/g/[a-z0-9-]+/");
        return path.substring("/g/".length(), path.length() - 1);
    }
}
