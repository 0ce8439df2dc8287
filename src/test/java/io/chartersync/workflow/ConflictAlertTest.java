package io.chartersync.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A booking whose entry clashes is still synced; the clash is shown and the captain is told once. */
class ConflictAlertTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void clashing_booking_syncs_in_conflict_and_the_captain_is_told_once() {
        JsonNode first = app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode overlapping = Examples.booking();
        overlapping.put("external_id", "BS-OVERLAP").put("start", "2024-05-30T10:00:00");

        JsonNode second = app.bookings().submitAndSync(overlapping, 1);
        ObjectNode changedNote = overlapping.deepCopy();
        changedNote.withObjectProperty("notes").put("guest", "Bring sunscreen.");
        app.bookings().submitAndSync(changedNote, 2);

        assertThat(second.get("state").asText()).isEqualTo("synced");
        assertThat(second.at("/calendar/conflict_with").asText())
                .isEqualTo(first.at("/calendar/entry_id").asText());
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        app.mailbox().to("captain-1", "Conflict: JADA charter").size() == 1);
        assertThat(app.mailbox().to("captain-1", "Conflict: JADA charter")).hasSize(1);
        assertThat(app.mailbox().to("crew-1", "Conflict:")).isEmpty();
    }

    @Test
    void without_an_operator_address_a_clash_on_a_booking_without_crew_reaches_the_other_bookings_captain() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode uncrewed =
                Examples.booking().put("external_id", "BS-NO-CREW").put("start", "2024-05-30T10:00:00");
        uncrewed.remove("crew_assignments");

        app.bookings().submitAndSync(uncrewed, 1);

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        app.mailbox().to("captain-1", "Conflict: JADA charter").size() == 1);
        assertThat(app.mailbox().containing("Subject: Conflict:")).hasSize(1);
    }
}
