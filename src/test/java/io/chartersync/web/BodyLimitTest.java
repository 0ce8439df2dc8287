package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A declared body over 1 MiB is refused with 413 on routes that never read a body, before they act. */
class BodyLimitTest {
    private static final String TWO_MIB = "{\"pad\": \"" + "x".repeat(2 * (int) HttpServer.MAX_BODY_BYTES) + "\"}";
    private static TestApp app;
    private static Bookings bookings;

    @BeforeAll
    static void start() {
        TestDatabase.reset();
        app = TestApp.start();
        bookings = new Bookings(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase.reset();
        Mailbox.clear(app.mailDir());
        Examples.loadRoster(app.http());
    }

    @Test
    void two_mebibytes_to_cancel_answer_413_and_the_booking_is_not_cancelled() {
        String id = bookings.submitAndSync(Examples.booking(), 1).get("id").asText();

        TestHttp.Response response = app.http().post("/api/bookings/" + id + "/cancel", TWO_MIB, OPERATOR);

        assertTooLarge(response);
        JsonNode status = bookings.status(id);
        assertThat(status.get("version").asInt()).isEqualTo(1);
        assertThat(status.get("state").asText()).isEqualTo("synced");
        assertThat(TestDatabase.count("select count(*) from booking_version")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'sync-booking'"))
                .isZero();
    }

    @Test
    void two_mebibytes_to_presign_answer_413() {
        TestHttp.Response response = app.http().post("/g/presign", TWO_MIB, NOBODY);

        assertTooLarge(response);
    }

    private static void assertTooLarge(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("1 MiB");
    }
}
