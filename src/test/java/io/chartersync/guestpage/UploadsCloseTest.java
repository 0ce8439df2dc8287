package io.chartersync.guestpage;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Time passes on the program's clock: a month after the trip the page stops taking photos by itself. */
class UploadsCloseTest {
    private static final ZoneId MARINA = ZoneId.of("America/Los_Angeles");

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void thirty_days_after_the_trip_the_page_is_published_again_without_the_upload_form() {
        String path = GuestPages.path(app, app.bookings().submitAndSync(Examples.futureBooking(5), 1));
        assertThat(page(path)).contains("Share your photos", "name=\"upload_token\"");

        // The example charter starts at 09:00 for 3 hours: uploads close 30 days after 12:00 that day.
        app.clock()
                .advanceTo(LocalDate.now(MARINA)
                        .plusDays(5)
                        .atTime(12, 0)
                        .atZone(MARINA)
                        .toInstant()
                        .plus(Duration.ofDays(30))
                        .plusSeconds(1));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("the page re-published with uploads closed")
                .until(() -> !page(path).contains("name=\"upload_token\""));
        assertThat(page(path)).contains("JADA").doesNotContain("Share your photos");
    }

    private static String page(String path) {
        return app.http().get(path, NOBODY).body();
    }
}
