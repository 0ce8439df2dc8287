package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A declared body over 1 MiB is refused with 413 on routes that never read a body, before they act. */
class BodyLimitTest {
    private static final String TWO_MIB = "{\"pad\": \"" + "x".repeat(2 * (int) HttpServer.MAX_BODY_BYTES) + "\"}";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void two_mebibytes_to_cancel_answer_413_and_the_booking_is_not_cancelled() {
        String id =
                app.bookings().submitAndSync(Examples.booking(), 1).get("id").asText();

        TestHttp.Response response = app.http().post("/api/bookings/" + id + "/cancel", TWO_MIB, OPERATOR);

        assertTooLarge(response);
        JsonNode status = app.bookings().status(id);
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
