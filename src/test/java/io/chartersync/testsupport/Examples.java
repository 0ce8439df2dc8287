package io.chartersync.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/** The example payloads of {@code examples/} (copies of the shared contracts), and the roster loader. */
public final class Examples {
    private Examples() {}

    public static ObjectNode booking() {
        return read("booking.example.json");
    }

    /**
     * The example booking moved to 09:00 on the day {@code daysAhead} days from today at the marina (so
     * its links live and a captain's briefing is planned), under an external id of its own.
     */
    public static ObjectNode futureBooking(int daysAhead) {
        LocalDate day = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(daysAhead);
        ObjectNode booking = booking();
        booking.put("external_id", "BS-FUTURE-" + day);
        booking.put("start", day + "T09:00:00");
        return booking;
    }

    public static String bookingJson() {
        return booking().toString();
    }

    public static ObjectNode calendarEntry() {
        return read("calendar.example.json");
    }

    public static ObjectNode crewEvent() {
        return read("crew-event.example.json");
    }

    /** PUTs every member of the example roster. */
    public static void loadRoster(TestHttp http) {
        for (var member : read("crew-roster.example.json").withArray("/crew")) {
            http.put("/api/crew/" + member.get("id").asText(), member.toString(), TestHttp.As.OPERATOR);
        }
    }

    static ObjectNode read(String name) {
        try {
            var node = Json.mapper().readTree(Files.readString(Path.of("examples", name)));
            if (node.isArray()) {
                ObjectNode wrapper = Json.mapper().createObjectNode();
                wrapper.set("crew", node);
                return wrapper;
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
