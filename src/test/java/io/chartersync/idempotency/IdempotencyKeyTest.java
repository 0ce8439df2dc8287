package io.chartersync.idempotency;

import static io.chartersync.testsupport.ProblemAssert.assertInvalidField;
import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Hashes;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RawHttp;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Idempotency-Key} on {@code POST /api/bookings}, {@code PATCH /api/bookings/{id}} and {@code POST
 * /api/bookings/{id}/cancel} (DESIGN.md, "Idempotency keys"), over real HTTP: the same request under the same
 * key answers the first answer again, once per credential and 24 h; another request under it is a 422; two at
 * once make one effect.
 */
class IdempotencyKeyTest {
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** A second operator token, accepted as well (as during a rotation): another credential, another scope. */
    private static final String OTHER_TOKEN = "second-operator-token-for-tests-0123456789abc";

    @RegisterExtension
    static final RunningApp app = new RunningApp()
            .withRoster()
            .withEnvironment(Map.of(
                    "DASHBOARD_TOKEN_HASH",
                    Hashes.sha256Hex(TestApp.OPERATOR_TOKEN) + "," + Hashes.sha256Hex(OTHER_TOKEN)));

    @Test
    void a_create_sent_again_answers_its_first_answer_and_books_once_and_another_request_under_the_key_is_422() {
        String body = Examples.bookingJson();

        TestHttp.Response first = post("/api/bookings", body, "create-1");
        TestHttp.Response again = post("/api/bookings", body, "create-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isEmpty();
        assertThat(first.header("Location")).isPresent();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(again.header(REPLAYED)).contains("true");
        assertThat(bookingsAndVersions()).isEqualTo("1/1");

        String id = first.json().get("id").asText();
        app.bookings().awaitSettled(id, 1);
        Map<String, Long> before = TestDatabase.rowCounts();
        ObjectNode changed = Examples.booking();
        changed.withObject("guest").put("name", "Another Guest");
        TestHttp.Response otherBody = post("/api/bookings", changed.toString(), "create-1");
        TestHttp.Response otherRoute = send("PATCH", "/api/bookings/" + id, body, MERGE_PATCH, "create-1");

        assertThat(assertProblem(otherBody, 422).get("detail").asText()).contains("different request");
        assertProblem(otherRoute, 422);
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
        assertThat(app.bookings().status(id).at("/booking/guest/name").asText()).isEqualTo("Boatsetter Guest");

        // Keys are per credential: the other operator token's "create-1" is a key of its own.
        TestHttp.Response otherCredential = TestHttp.to(app.baseUrl(), OTHER_TOKEN)
                .send("POST", "/api/bookings", changed.toString(), "application/json", OPERATOR, KEY, "create-1");
        assertThat(otherCredential.status()).as(otherCredential.body()).isEqualTo(200);
        assertThat(otherCredential.header(REPLAYED)).isEmpty();
        assertThat(otherCredential.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void a_patch_and_a_cancel_sent_again_answer_their_first_answers() {
        String id = app.bookings().submit(Examples.booking());
        String patch = "{\"guest\": {\"party_size\": 4}}";

        TestHttp.Response patched = send("PATCH", "/api/bookings/" + id, patch, MERGE_PATCH, "patch-1");
        TestHttp.Response patchedAgain = send("PATCH", "/api/bookings/" + id, patch, MERGE_PATCH, "patch-1");
        TestHttp.Response cancelled = send("POST", "/api/bookings/" + id + "/cancel", null, null, "cancel-1");
        TestHttp.Response cancelledAgain = send("POST", "/api/bookings/" + id + "/cancel", null, null, "cancel-1");
        TestHttp.Response cancelledWithoutKey =
                app.http().send("POST", "/api/bookings/" + id + "/cancel", null, null, OPERATOR);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("version").asInt()).isEqualTo(2);
        assertThat(patchedAgain.status()).isEqualTo(200);
        assertThat(patchedAgain.body()).isEqualTo(patched.body());
        assertThat(patchedAgain.header(REPLAYED)).contains("true");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelledAgain.status()).isEqualTo(200);
        assertThat(cancelledAgain.body()).isEqualTo(cancelled.body());
        assertThat(cancelledAgain.header(REPLAYED)).contains("true");
        // Without the key, the same cancel runs again (and changes nothing: the booking is cancelled already).
        assertThat(cancelledWithoutKey.status()).isEqualTo(200);
        assertThat(cancelledWithoutKey.header(REPLAYED)).isEmpty();
        assertThat(bookingsAndVersions()).isEqualTo("1/3");
    }

    @Test
    void a_refusal_is_kept_and_answered_again_while_a_malformed_key_is_refused_and_stores_nothing() {
        String invalid = "{\"source\": \"boatsetter\"}";

        TestHttp.Response refused = post("/api/bookings", invalid, "refused-1");
        TestHttp.Response refusedAgain = post("/api/bookings", invalid, "refused-1");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header(REPLAYED)).isEmpty();
        assertThat(refusedAgain.status()).isEqualTo(400);
        assertThat(refusedAgain.body()).isEqualTo(refused.body());
        assertThat(refusedAgain.contentType()).startsWith("application/problem+json");
        assertThat(refusedAgain.header(REPLAYED)).contains("true");
        assertThat(TestDatabase.count("select count(*) from idempotency_key")).isEqualTo(1);

        Map<String, Long> before = TestDatabase.rowCounts();
        String body = Examples.bookingJson();
        for (String bad : List.of("", "k".repeat(256), "two words", "tab\tkey")) {
            assertInvalidField(post("/api/bookings", body, bad), KEY);
        }
        assertInvalidField(
                app.http().send("POST", "/api/bookings", body, "application/json", OPERATOR, KEY, "one", KEY, "two"),
                KEY);
        RawHttp.Response nonAscii = RawHttp.send(
                app.testApp().port(),
                "POST",
                "/api/bookings",
                Map.of(
                        "Host",
                        "localhost",
                        "X-Dashboard-Token",
                        TestApp.OPERATOR_TOKEN,
                        "Content-Type",
                        "application/json",
                        KEY,
                        "caf\u00e9"),
                body);
        assertThat(nonAscii.status()).as(nonAscii.body()).isEqualTo(400);
        assertThat(nonAscii.body()).contains(KEY);
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);

        TestHttp.Response longest = post("/api/bookings", body, "~".repeat(255));
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);
    }

    @Test
    void a_key_binds_its_first_answer_for_24_hours_then_it_is_new() {
        ObjectNode changed = Examples.booking();
        changed.withObject("guest").put("name", "Renamed Guest");
        TestHttp.Response first = post("/api/bookings", Examples.bookingJson(), "daily-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        app.clock().advance(Duration.ofHours(23).plusMinutes(59));
        TestHttp.Response stillBound = post("/api/bookings", changed.toString(), "daily-1");
        app.clock().advance(Duration.ofMinutes(1));
        TestHttp.Response expired = post("/api/bookings", changed.toString(), "daily-1");

        assertProblem(stillBound, 422);
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        assertThat(expired.header(REPLAYED)).isEmpty();
        assertThat(expired.json().get("version").asInt()).isEqualTo(2);
        assertThat(bookingsAndVersions()).isEqualTo("1/2");
    }

    @Test
    void eight_requests_at_once_with_one_key_make_one_booking_and_the_rest_are_replays_or_409s() throws Exception {
        String body = Examples.bookingJson();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<TestHttp.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<TestHttp.Response>> sent = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return post("/api/bookings", body, "race-1");
                }));
            }
            for (Future<TestHttp.Response> answer : sent) {
                answers.add(answer.get());
            }
        }

        List<TestHttp.Response> effects = answers.stream()
                .filter(a -> a.status() != 409 && a.header(REPLAYED).isEmpty())
                .toList();
        assertThat(effects).hasSize(1);
        assertThat(effects.getFirst().status()).as(effects.getFirst().body()).isEqualTo(201);
        for (TestHttp.Response answer : answers) {
            if (answer.status() == 409) {
                assertThat(assertProblem(answer, 409).get("detail").asText()).contains("still in progress");
                assertThat(answer.header("Retry-After")).contains("1");
            } else {
                assertThat(answer.status()).isEqualTo(201);
                assertThat(answer.body()).isEqualTo(effects.getFirst().body());
            }
        }
        assertThat(bookingsAndVersions()).isEqualTo("1/1");
        TestHttp.Response retried = post("/api/bookings", body, "race-1");
        assertThat(retried.header(REPLAYED)).contains("true");
        assertThat(retried.body()).isEqualTo(effects.getFirst().body());
    }

    @Test
    void a_request_whose_key_is_held_by_one_still_running_answers_409_with_retry_after_and_runs_nothing() {
        String body = Examples.bookingJson();
        // What a request still running holds: the key reserved under the operator token's scope, no answer yet.
        String scope = Hashes.sha256Hex("X-Dashboard-Token/scope/" + TestApp.OPERATOR_TOKEN);
        String request = IdempotencyKeys.fingerprint("POST", "/api/bookings", body.getBytes(StandardCharsets.UTF_8));
        new IdempotencyStore(Jdbi.create(TestDatabase.jdbcUrl())).claim(scope, "held-1", request, Instant.now());

        TestHttp.Response held = post("/api/bookings", body, "held-1");

        assertThat(assertProblem(held, 409).get("detail").asText()).contains("still in progress");
        assertThat(held.header("Retry-After")).contains("1");
        assertThat(held.header(REPLAYED)).isEmpty();
        assertThat(bookingsAndVersions()).isEqualTo("0/0");
    }

    @Test
    void only_final_answers_are_kept_and_a_reservation_left_by_a_dead_request_is_taken_over() {
        assertThat(List.of(200, 201, 400, 404, 409, 415, 422)).allMatch(Idempotent::isFinal);
        assertThat(List.of(500, 503, 499, 302, 101)).noneMatch(Idempotent::isFinal);

        IdempotencyStore store = new IdempotencyStore(Jdbi.create(TestDatabase.jdbcUrl()));
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        Claim.Reserved first = (Claim.Reserved) store.claim("scope-a", "k", "request-1", now);
        assertThatThrownBy(() -> store.complete(first, answer(500, now))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.claim("scope-a", "k", "request-1", now.plusSeconds(59)))
                .isInstanceOf(Claim.InProgress.class);
        assertThat(store.claim("scope-b", "k", "request-1", now)).isInstanceOf(Claim.Reserved.class);

        // A 5xx gives the key back: the same request may be sent again as new.
        store.release(first);
        Claim.Reserved retried = (Claim.Reserved) store.claim("scope-a", "k", "request-1", now.plusSeconds(1));

        // The process died before it answered: after the lease the key is taken over, and the dead
        // attempt can no longer complete it.
        Claim.Reserved takenOver = (Claim.Reserved) store.claim(
                "scope-a", "k", "request-1", now.plus(IdempotencyStore.LEASE).plusSeconds(1));
        assertThat(takenOver.attempt()).isNotEqualTo(retried.attempt());
        assertThat(store.complete(retried, answer(201, now))).isFalse();
        assertThat(store.complete(takenOver, answer(201, now))).isTrue();
        assertThat(store.claim("scope-a", "k", "request-1", now.plusSeconds(120)))
                .isInstanceOf(Claim.Replay.class);
        assertThat(store.sweep(now.plus(IdempotencyStore.LIFETIME).plusSeconds(120)))
                .isEqualTo(2);
    }

    private static Claim.Answer answer(int status, Instant at) {
        return new Claim.Answer(status, "application/json", null, "{}".getBytes(StandardCharsets.UTF_8), at);
    }

    private static TestHttp.Response post(String path, String body, String key) {
        return send("POST", path, body, "application/json", key);
    }

    private static TestHttp.Response send(String method, String path, String body, String type, String key) {
        return app.http().send(method, path, body, type, OPERATOR, KEY, key);
    }

    /** "bookings/versions" stored. */
    private static String bookingsAndVersions() {
        return TestDatabase.count("select count(*) from booking") + "/"
                + TestDatabase.count("select count(*) from booking_version");
    }
}
