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

    public record Row(String label, String value) {}

    public record Action(String label, String url) {}
}
