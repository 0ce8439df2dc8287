package io.chartersync.mail;

import java.util.List;

/** How a booking's emails stand; {@code errors} says why each failed one failed (empty when none did). */
public record MailCounts(int queued, int sent, int failed, List<Failure> errors) {

    public MailCounts {
        errors = List.copyOf(errors);
    }

    /** One failed email: to whom, which kind ({@code invite}, {@code summary}…), and the reason. */
    public record Failure(String recipient, String kind, String error) {}
}
