package io.chartersync.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A clash on a booking without crew is never silent: the operator is told, naming the other booking. */
class ConflictWithoutCrewTest {
    private static final String OPERATOR = "desk@harbor.example.com";

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("OPERATOR_EMAIL", OPERATOR));

    @Test
    void clash_on_a_booking_without_crew_alerts_the_operator_naming_the_other_booking_by_guest_boat_and_time() {
        app.bookings().submitAndSync(Examples.booking(), 1);
        ObjectNode uncrewed = Examples.booking()
                .put("external_id", "BS-NO-CREW")
                .put("start", "2024-05-30T10:00:00")
                .put("notify_guest", false);
        uncrewed.remove("crew_assignments");
        uncrewed.withObjectProperty("guest").put("name", "Second Guest");

        JsonNode second = app.bookings().submitAndSync(uncrewed, 1);

        assertThat(second.at("/calendar/conflict_with").asText()).isNotBlank();
        Path alert = only(app.mailbox().containing("To: " + OPERATOR, "Subject: Conflict: JADA charter"));
        String text = Mailbox.part(alert, "text/plain");
        assertThat(text)
                .contains("Guest: Second Guest")
                .contains("Clashes with: Boatsetter Guest, JADA, Thu May 30, 9:00 AM PDT")
                .contains("overlaps Boatsetter Guest's charter on JADA at Thu May 30, 9:00 AM PDT");
        assertThat(Mailbox.read(alert)).contains("overlaps Boatsetter Guest's charter on JADA");
        assertThat(app.mailbox().containing("Subject: Conflict:"))
                .as("no one else")
                .hasSize(1);
    }

    private static Path only(List<Path> emails) {
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }
}
