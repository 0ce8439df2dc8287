package io.chartersync.mail;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an email could not be handed over, and whether trying again can help. A 5xx reply of the SMTP server
 * (to MAIL FROM, RCPT TO or the message itself) is {@link Permanent}: the server said no and will say it
 * again. Everything else is {@link Transient}: a 4xx reply ("try again later"), a refused or timed-out
 * connection, a failed login, a file that could not be written.
 */
sealed interface SendFailure {
    /** An email address as replies quote it (with or without angle brackets). */
    Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    /** The server's reply, or what went wrong. */
    String reason();

    record Transient(String reason) implements SendFailure {}

    record Permanent(String reason) implements SendFailure {}

    /**
     * Looks through the whole chain (a {@code SendFailedException} carries the per-recipient replies as its
     * next exceptions); the first SMTP failure reply found decides.
     */
    static SendFailure of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            Optional<Integer> code = replyCode(t);
            if (code.isPresent() && code.get() >= 400) {
                String reply = withoutAddresses(String.valueOf(t.getMessage()).strip());
                return code.get() >= 500 ? new Permanent(reply) : new Transient(reply);
            }
        }
        return new Transient(withoutAddresses(failure.toString()));
    }

    /**
     * Replies quote the addresses they refuse ({@code 550 5.1.1 <guest@example.com>: Recipient address
     * rejected}); a reason is logged and shown, so every address in it is masked.
     */
    static String withoutAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll("[address]");
    }

    private static Optional<Integer> replyCode(Throwable t) {
        return switch (t) {
            case SMTPAddressFailedException e -> Optional.of(e.getReturnCode());
            case SMTPSenderFailedException e -> Optional.of(e.getReturnCode());
            case SMTPSendFailedException e -> Optional.of(e.getReturnCode());
            default -> Optional.empty();
        };
    }
}
