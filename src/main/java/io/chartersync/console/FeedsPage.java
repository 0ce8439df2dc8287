package io.chartersync.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Feeds page: every marketplace calendar feed with how its polls went (the URL only masked: it is a
 * secret), and, for an owner, the form to add one (with its errors next to its fields) and a Delete button on
 * each. Everyone may Poll now.
 */
public record FeedsPage(
        Shell shell,
        Optional<String> notice,
        List<Row> feeds,
        boolean owner,
        List<String> boats,
        Map<String, String> values,
        FieldErrors errors) {

    /** One feed in words. */
    public record Row(
            String id,
            String source,
            String boat,
            String url,
            String interval,
            String autoCancel,
            String lastPolled,
            String lastOk,
            Optional<String> lastError,
            String events,
            boolean failing,
            String nextPoll) {}

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether the add form's auto-cancel box is ticked. */
    public boolean autoCancel() {
        return "true".equals(values.get("auto_cancel"));
    }
}
