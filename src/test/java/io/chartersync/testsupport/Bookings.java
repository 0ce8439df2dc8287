package io.chartersync.testsupport;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Submitting bookings through the intake API and waiting for their syncs, for integration tests. */
public final class Bookings {
    private static final Set<String> SETTLED = Set.of("synced", "cancelled");
    private final TestApp app;

    public Bookings(TestApp app) {
        this.app = app;
    }

    /** POSTs the booking; answers its id. */
    public String submit(ObjectNode booking) {
        TestHttp.Response response = app.http().post("/api/bookings", booking.toString(), OPERATOR);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asText();
    }

    /** POSTs the booking and waits until that version is synced with every email delivered. */
    public JsonNode submitAndSync(ObjectNode booking, int expectedVersion) {
        return awaitSettled(submit(booking), expectedVersion);
    }

    public JsonNode status(String id) {
        return app.http().get("/api/bookings/" + id, OPERATOR).json();
    }

    /** Waits until {@code version} of the booking is synced (or cancelled) and no email is still queued. */
    public JsonNode awaitSettled(String id, int version) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .alias("booking " + id + " v" + version + " settled")
                .until(() -> {
                    JsonNode status = status(id);
                    last.set(status);
                    assertThat(status.get("state").asText())
                            .as("state of %s", status)
                            .isNotEqualTo("failed");
                    return status.get("version").asInt() == version
                            && SETTLED.contains(status.get("state").asText())
                            && status.at("/emails/queued").asInt() == 0;
                });
        return last.get();
    }

    /** The path part of an absolute URL of this app (a guest page URL). */
    public String pathOf(String url) {
        String base = app.baseUrl().toString();
        assertThat(url).startsWith(base);
        return url.substring(base.length());
    }
}
