package io.chartersync.guestpage;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.BoatNames;
import io.chartersync.common.Characters;
import io.chartersync.common.JsonFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a boat's profile, for {@code PUT /api/boats/{boat}} and the console's boat form alike: what to
 * bring (at most 30 items of 200 characters), the meeting point (one line) and its map link (an https URL). An
 * absent {@code meeting_point} or {@code map_url} leaves it as it is; {@code null} or {@code ""} clears it.
 */
final class BoatRules {
    static final int MAX_ITEMS = 30;
    static final int MAX_ITEM_LENGTH = 200;
    static final int MAX_MEETING_POINT = 200;
    static final int MAX_MAP_URL = 500;

    private BoatRules() {}

    /** The boat named in a path: one line of text, 1 to 80 characters, or 400 naming {@code boat}. */
    static String boat(String boat) {
        if (boat == null
                || boat.isBlank()
                || boat.length() > 80
                || Characters.problem(boat).isPresent()
                || Characters.hasLineBreak(boat)) {
            throw AppException.InvalidInput.of("boat", "must be a boat name of at most 80 characters on one line");
        }
        return boat;
    }

    /**
     * The changes {@code body} asks of {@code boat}, shown as {@code displayName} from now on; {@link
     * AppException.InvalidInput} naming each offending field.
     */
    static BoatStore.Changes parse(String boat, String displayName, JsonNode body) {
        JsonFields f = new JsonFields(body);
        if (!BoatNames.same(boat, displayName)) {
            f.error(
                    "display_name",
                    "must name the same boat as '" + BoatNames.display(boat)
                            + "' (only capitals and spaces around it may differ)");
        }
        List<String> items = new ArrayList<>();
        JsonNode list = f.node("what_to_bring");
        if (list == null || !list.isArray()) {
            f.error("what_to_bring", "is required: an array of short texts, e.g. [\"Sunscreen\", \"A light jacket\"]");
        } else if (list.size() > MAX_ITEMS) {
            f.error("what_to_bring", "holds at most " + MAX_ITEMS + " items");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isTextual()
                        || item.asText().isBlank()
                        || item.asText().length() > MAX_ITEM_LENGTH) {
                    f.error("what_to_bring[" + i + "]", "must be a text of 1 to " + MAX_ITEM_LENGTH + " characters");
                } else {
                    items.add(item.asText().strip());
                }
            }
        }
        Optional<Optional<String>> meeting = optional(f, "meeting_point");
        meeting.flatMap(m -> m)
                .filter(m -> m.length() > MAX_MEETING_POINT)
                .ifPresent(m -> f.error("meeting_point", "must be at most " + MAX_MEETING_POINT + " characters"));
        Optional<Optional<String>> map = optional(f, "map_url");
        map.flatMap(m -> m)
                .filter(m -> !isHttpsUrl(m))
                .ifPresent(m -> f.error(
                        "map_url",
                        "must be an https link of at most " + MAX_MAP_URL
                                + " characters, e.g. https://maps.example.com/?q=Harbor+Dock+3"));
        f.throwIfAny();
        return new BoatStore.Changes(BoatNames.display(displayName), Optional.of(items), meeting, map);
    }

    /** Absent: unchanged; null or blank: cleared; else one line of text. */
    private static Optional<Optional<String>> optional(JsonFields f, String field) {
        JsonNode node = f.node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return Optional.of(Optional.empty());
        }
        Optional<String> text = f.text(field, false);
        return text.isPresent() ? Optional.of(text) : Optional.empty();
    }

    static boolean isHttpsUrl(String text) {
        if (text.length() > MAX_MAP_URL || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
