package io.chartersync.mail;

import java.util.List;
import java.util.Optional;

/**
 * What an email says, independent of its format: {@link EmailRenderer} turns it into the plain-text and
 * HTML parts, so the two always agree.
 */
public record EmailContent(
        String subject, String heading, String intro, List<Row> rows, Optional<Action> action, String footer) {

    public EmailContent {
        rows = List.copyOf(rows);
    }

    /** A labelled value; with {@code href}, the HTML part shows the value as a link there. */
    public record Row(String label, String value, Optional<String> href) {
        public Row(String label, String value) {
            this(label, value, Optional.empty());
        }

        /** A row whose value is a link: a page address shown as itself, a phone or email with its URI. */
        public static Row link(String label, String value, String href) {
            return new Row(label, value, Optional.of(href));
        }
    }

    public record Action(String label, String url) {}
}
