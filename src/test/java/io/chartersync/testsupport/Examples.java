package io.chartersync.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example payloads of {@code examples/} (copies of the shared contracts), and the roster loader. */
public final class Examples {
    private Examples() {}

    public static ObjectNode booking() {
        return read("booking.example.json");
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
