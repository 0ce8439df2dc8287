package io.chartersync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.S3Proxy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bucket that is not there yet: the sync says so while it retries, and finishes once the bucket exists. */
class S3OutageTest {
    private static final S3Proxy proxy = S3Proxy.shared();
    private static final String BUCKET = "later-" + UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(proxy.environment(BUCKET, "site"));

    @Test
    void a_missing_bucket_is_retried_with_the_reason_shown_until_it_exists() {
        String id = app.bookings().submit(Examples.booking());
        AtomicReference<JsonNode> retrying = new AtomicReference<>();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = app.bookings().status(id);
            retrying.set(status);
            return status.path("error").asText().contains("NoSuchBucket");
        });
        assertThat(retrying.get().get("state").asText()).isIn("pending", "syncing");
        assertThat(retrying.get().get("error").asText())
                .contains("s3://" + BUCKET + "/site/g/")
                .contains("STORAGE_URL")
                .contains("retrying at");

        proxy.client().createBucket(b -> b.bucket(BUCKET));

        JsonNode synced = app.bookings().awaitSettled(id, 1);
        assertThat(synced.get("state").asText()).isEqualTo("synced");
        // The page and its calendar file.
        assertThat(proxy.client().listObjectsV2(b -> b.bucket(BUCKET)).keyCount())
                .isEqualTo(2);
    }
}
