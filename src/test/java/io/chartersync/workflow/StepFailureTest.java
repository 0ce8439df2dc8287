package io.chartersync.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.app.Hooks;
import io.chartersync.testsupport.Bookings;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A step's failure decides the run: a programming error fails it at once, naming the ids; a transient one
 * is retried. The failure is thrown once, inside the guest-page step (its test hook runs in the step's
 * transaction) or between steps (in the saga's own work, where Backoff decides).
 */
class StepFailureTest {
    private static final AtomicReference<RuntimeException> failOnce = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> failAfterCalendar = new AtomicReference<>();
    private static TestApp app;
    private static Bookings bookings;

    @BeforeAll
    static void start() {
        TestDatabase.reset();
        Runnable pageWritten = () -> {
            RuntimeException failure = failOnce.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
        };
        Consumer<SyncStep> afterStep = step -> {
            RuntimeException failure = step == SyncStep.CALENDAR ? failAfterCalendar.getAndSet(null) : null;
            if (failure != null) {
                throw failure;
            }
        };
        app = TestApp.start(Map.of(), new Hooks(afterStep, pageWritten));
        bookings = new Bookings(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        failOnce.set(null);
        failAfterCalendar.set(null);
        TestDatabase.reset();
        Examples.loadRoster(app.http());
    }

    @Test
    void programming_error_in_a_step_fails_the_booking_at_once_naming_the_ids() {
        failOnce.set(new IllegalStateException("a bug in the guest page"));
        String id = bookings.submit(Examples.booking());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bookings.status(id).get("state").asText().equals("failed"));

        JsonNode status = bookings.status(id);
        assertThat(status.get("error").asText())
                .startsWith("guest-page: not retried: java.lang.IllegalStateException: a bug in the guest page")
                .contains("booking " + id, "version 1", "step guest-page");
        assertThat(status.get("steps").findValuesAsText("state"))
                .containsExactly("done", "failed", "pending", "pending");
        assertThat(TestDatabase.count("select attempts from sync_run where booking_id = '" + id + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduledSyncs() == 0);
    }

    @Test
    void transient_failure_in_a_step_is_retried_until_the_booking_syncs() {
        failOnce.set(new UncheckedIOException(new IOException("the disk is busy")));
        String id = bookings.submit(Examples.booking());

        JsonNode status = bookings.awaitSettled(id, 1);

        assertThat(status.get("state").asText()).isEqualTo("synced");
        assertThat(status.get("error").isNull()).isTrue();
        assertThat(TestDatabase.count("select attempts from sync_run where booking_id = '" + id + "'"))
                .isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from guest_page")).isEqualTo(1);
    }

    @Test
    void programming_error_between_steps_fails_the_run_at_once_without_a_retry() {
        failAfterCalendar.set(new NullPointerException("a bug between steps"));
        String id = bookings.submit(Examples.booking());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bookings.status(id).get("state").asText().equals("failed"));

        assertThat(bookings.status(id).get("error").asText())
                .isEqualTo("not retried: java.lang.NullPointerException: a bug between steps (booking " + id
                        + ", version 1)");
        assertThat(TestDatabase.count("select attempts from sync_run where booking_id = '" + id + "'"))
                .isEqualTo(1);
        // The run is marked failed just before its task is removed: no retry is left behind.
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduledSyncs() == 0);
    }

    private static long scheduledSyncs() {
        return TestDatabase.count("select count(*) from scheduled_tasks where task_name = '" + SyncSaga.TASK + "'");
    }
}
