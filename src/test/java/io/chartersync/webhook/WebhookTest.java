package io.chartersync.webhook;

import static io.chartersync.testsupport.ProblemAssert.assertInvalidField;
import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /webhooks/{source}} over real HTTP: signed, replayed, refused, rotated, bad and concurrent deliveries. */
class WebhookTest {
    /** The spec's test-vector secret (24 bytes), and a second secret of the same source: a rotation. */
    private static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString(filled(32, 7));
    private static final String UNKNOWN_SECRET = "whsec_" + Base64.getEncoder().encodeToString(filled(32, 9));

    @RegisterExtension
    static final RunningApp app = new RunningApp()
            .withRoster()
            .withEnvironment(Map.of(
                    "WEBHOOK_SECRETS",
                    "fareharbor=" + OLD_SECRET + ", fareharbor=" + NEW_SECRET + ",zapier=" + NEW_SECRET));

    @Test
    void created_replayed_updated_and_cancelled_by_signed_deliveries() {
        ObjectNode booking = booking("FH-1001");
        String created = event("booking.created", booking);

        TestHttp.Response first = deliver("fareharbor", "msg_1", created, NEW_SECRET);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(first.header("Location")).contains("/api/bookings/" + id);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        app.bookings().awaitSettled(id, 1);

        TestHttp.Response replay = deliver("fareharbor", "msg_1", created, NEW_SECRET);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().get("id").asText()).isEqualTo(id);
        assertThat(replay.json().get("state").asText()).isEqualTo("synced");
        // The same body under a new id is the intake's UNCHANGED: still one version.
        TestHttp.Response again = deliver("fareharbor", "msg_2", created, OLD_SECRET);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(app.bookings().status(id).get("version").asInt()).isEqualTo(1);

        booking.put("start", booking.get("start").asText().replace("T09:00", "T13:00"));
        TestHttp.Response updated = deliver("fareharbor", "msg_3", event("booking.updated", booking), NEW_SECRET);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        JsonNode moved = app.bookings().awaitSettled(id, 2);
        assertThat(moved.at("/booking/start").asText()).endsWith("T13:00:00");

        ObjectNode cancel = Json.mapper().createObjectNode().put("external_id", "FH-1001");
        TestHttp.Response cancelled = deliver("fareharbor", "msg_4", event("booking.cancelled", cancel), NEW_SECRET);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(app.bookings().awaitSettled(id, 3).get("state").asText()).isEqualTo("cancelled");
        assertThat(bookingCount()).isEqualTo(1);
    }

    @Test
    void unsigned_forged_stale_and_future_deliveries_are_401_and_store_nothing() {
        String body = event("booking.created", booking("FH-2001"));
        long now = app.clock().instant().getEpochSecond();

        TestHttp.Response forged = send("fareharbor", body, "msg_x", now, sign(UNKNOWN_SECRET, "msg_x", now, body));
        TestHttp.Response otherBody = send(
                "fareharbor", body.replace("FH-2001", "FH-2002"), "msg_x", now, sign(NEW_SECRET, "msg_x", now, body));
        TestHttp.Response stale =
                send("fareharbor", body, "msg_x", now - 360, sign(NEW_SECRET, "msg_x", now - 360, body));
        TestHttp.Response future =
                send("fareharbor", body, "msg_x", now + 360, sign(NEW_SECRET, "msg_x", now + 360, body));
        TestHttp.Response noSignature = app.http()
                .send(
                        "POST",
                        "/webhooks/fareharbor",
                        body,
                        "application/json",
                        NOBODY,
                        "webhook-id",
                        "msg_x",
                        "webhook-timestamp",
                        Long.toString(now));
        TestHttp.Response noHeaders = app.http().post("/webhooks/fareharbor", body, OPERATOR);
        String signedNow = sign(NEW_SECRET, "msg_x", now, body);
        app.clock().advance(Duration.ofMinutes(6));
        TestHttp.Response staleByClock = send("fareharbor", body, "msg_x", now, signedNow);

        assertThat(assertProblem(forged, 401).get("detail").asText()).contains("signature invalid");
        assertThat(assertProblem(otherBody, 401).get("detail").asText()).contains("signature invalid");
        assertThat(assertProblem(stale, 401).get("detail").asText()).contains("timestamp too old");
        assertThat(assertProblem(future, 401).get("detail").asText()).contains("timestamp too new");
        assertThat(assertProblem(noSignature, 401).get("detail").asText()).contains("signature invalid");
        assertThat(assertProblem(noHeaders, 401).get("detail").asText()).contains("signature invalid");
        assertThat(assertProblem(staleByClock, 401).get("detail").asText()).contains("timestamp too old");
        assertThat(bookingCount()).isZero();

        app.clock().reset();
        // None of them was recorded as a delivery: the same id, properly signed, is no replay.
        assertThat(deliver("fareharbor", "msg_x", body, NEW_SECRET).status()).isEqualTo(201);
    }

    @Test
    void a_source_without_a_secret_is_404_and_a_body_over_the_limit_413() {
        String body = event("booking.created", booking("FH-3001"));
        TestHttp.Response unknown = deliver("boatsetter", "msg_u", body, NEW_SECRET);
        String huge = "{\"type\": \"booking.created\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        TestHttp.Response tooLarge = deliver("fareharbor", "msg_big", huge, NEW_SECRET);

        assertProblem(unknown, 404);
        assertProblem(tooLarge, 413);
        assertThat(bookingCount()).isZero();
    }

    @Test
    void either_secret_of_a_rotation_passes_and_one_valid_entry_of_several_suffices() {
        long now = app.clock().instant().getEpochSecond();
        String oldBody = event("booking.created", booking("FH-4001"));
        String newBody = event("booking.created", booking("FH-4002"));
        String bothBody = event("booking.created", booking("FH-4003"));
        String header = sign(UNKNOWN_SECRET, "msg_c", now, bothBody) + " v2,"
                + Base64.getEncoder().encodeToString(filled(32, 1)) + " " + sign(OLD_SECRET, "msg_c", now, bothBody);

        assertThat(deliver("fareharbor", "msg_a", oldBody, OLD_SECRET).status()).isEqualTo(201);
        assertThat(deliver("fareharbor", "msg_b", newBody, NEW_SECRET).status()).isEqualTo(201);
        TestHttp.Response both = send("fareharbor", bothBody, "msg_c", now, header);
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        // A secret of another source does not sign for this one.
        assertProblem(
                deliver("fareharbor", "msg_d", event("booking.created", booking("FH-4004")), UNKNOWN_SECRET), 401);
        assertThat(bookingCount()).isEqualTo(3);
    }

    @Test
    void bad_bodies_are_final_400s_naming_the_field_and_store_nothing() {
        ObjectNode noStart = booking("FH-5001");
        noStart.remove("start");
        ObjectNode badDuration = booking("FH-5002");
        badDuration.put("duration_hours", -3);
        ObjectNode otherSource = booking("FH-5003");
        otherSource.put("source", "boatsetter");

        Map<String, String> fieldOfBody = new java.util.LinkedHashMap<>();
        fieldOfBody.put("{not json", "body");
        fieldOfBody.put(event("booking.deleted", booking("FH-5004")), "type");
        fieldOfBody.put("{\"data\": " + booking("FH-5005") + "}", "type");
        fieldOfBody.put("{\"type\": \"booking.created\"}", "data");
        fieldOfBody.put(event("booking.created", otherSource), "data.source");
        fieldOfBody.put(event("booking.created", noStart), "data.start");
        fieldOfBody.put(event("booking.updated", badDuration), "data.duration_hours");
        fieldOfBody.put(event("booking.cancelled", Json.mapper().createObjectNode()), "data.external_id");
        int n = 0;
        for (Map.Entry<String, String> bad : fieldOfBody.entrySet()) {
            TestHttp.Response response = deliver("fareharbor", "msg_bad_" + n++, bad.getKey(), NEW_SECRET);
            assertInvalidField(response, bad.getValue());
            assertThat(response.json().get("detail").asText())
                    .as(bad.getValue())
                    .contains("will not help");
        }
        // A cancel of a booking not (yet) here is a 404, and is not recorded either: retried once the booking
        // has arrived, it cancels it.
        String cancel =
                event("booking.cancelled", Json.mapper().createObjectNode().put("external_id", "FH-5006"));
        assertProblem(deliver("fareharbor", "msg_cancel", cancel, NEW_SECRET), 404);
        assertThat(bookingCount()).isZero();

        assertThat(deliver("fareharbor", "msg_bad_5", event("booking.created", booking("FH-5006")), NEW_SECRET)
                        .status())
                .as("a delivery id refused with a 400 is not recorded")
                .isEqualTo(201);
        TestHttp.Response retried = deliver("fareharbor", "msg_cancel", cancel, NEW_SECRET);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void two_identical_deliveries_at_once_make_one_booking_with_one_version() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies.add(event("booking.created", booking("FH-600" + i)));
        }
        List<CompletableFuture<TestHttp.Response>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                String id = "msg_same_" + i;
                for (int copy = 0; copy < 2; copy++) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(go);
                                return deliver("zapier", id, body, NEW_SECRET);
                            },
                            threads));
                }
            }
            go.countDown();
            for (int i = 0; i < answers.size(); i += 2) {
                TestHttp.Response a = answers.get(i).get();
                TestHttp.Response b = answers.get(i + 1).get();
                assertThat(List.of(a.status(), b.status()))
                        .as(a.body() + b.body())
                        .containsExactlyInAnyOrder(201, 200);
                assertThat(a.json().get("id")).isEqualTo(b.json().get("id"));
                assertThat(a.json().get("version").asInt()).isEqualTo(1);
                assertThat(b.json().get("version").asInt()).isEqualTo(1);
            }
        }
        assertThat(bookingCount()).isEqualTo(bodies.size());
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A booking of the example, tomorrow, under {@code externalId}, without {@code source} (the path's). */
    private static ObjectNode booking(String externalId) {
        ObjectNode booking = Examples.futureBooking(1);
        booking.remove("source");
        booking.put("external_id", externalId);
        return booking;
    }

    private static String event(String type, ObjectNode data) {
        ObjectNode event = Json.mapper().createObjectNode().put("type", type);
        event.set("data", data);
        return event.toString();
    }

    private static TestHttp.Response deliver(String source, String id, String body, String secret) {
        long now = app.clock().instant().getEpochSecond();
        return send(source, body, id, now, sign(secret, id, now, body));
    }

    private static TestHttp.Response send(String source, String body, String id, long timestamp, String signature) {
        return app.http()
                .send(
                        "POST",
                        "/webhooks/" + source,
                        body,
                        "application/json",
                        NOBODY,
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        Long.toString(timestamp),
                        "webhook-signature",
                        signature);
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return Signatures.sign(key, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int bookingCount() {
        return app.http().get("/api/bookings", OPERATOR).json().get("bookings").size();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
