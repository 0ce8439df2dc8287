package io.chartersync.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models of the Boats pages: every boat with its upcoming charters, and one boat's form. */
public final class BoatsPage {
    private BoatsPage() {}

    /** A boat of the list: its name, how many charters are still to come, and its meeting point. */
    public record Row(String name, long upcoming, Optional<String> meetingPoint) {
        public String href() {
            return path(name);
        }

        public String upcomingLabel() {
            return upcoming == 0
                    ? "no upcoming charters"
                    : upcoming == 1 ? "1 upcoming charter" : upcoming + " upcoming charters";
        }
    }

    public record Listing(Shell shell, List<Row> boats) {}

    /** One boat's form: the boat's name in its path, what the fields show, their errors, a notice after a save. */
    public record Form(
            Shell shell,
            String boat,
            Map<String, String> values,
            FieldErrors errors,
            Optional<String> notice,
            boolean ownList) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String action() {
            return path(boat);
        }
    }

    /** The page of {@code boat}: its name in the path, encoded. */
    static String path(String boat) {
        return "/boats/" + URLEncoder.encode(boat, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
