package io.chartersync.mail;

import java.util.Optional;

/**
 * Where and how to hand emails to an SMTP server: {@code implicitTls} for {@code smtps://} (TLS from the
 * first byte), otherwise plain SMTP upgraded by STARTTLS when the server offers it. Its text form never
 * shows the password.
 */
public record SmtpServer(boolean implicitTls, String host, int port, Optional<String> user, Optional<String> password) {
    public static final int SUBMISSION_PORT = 587;
    public static final int IMPLICIT_TLS_PORT = 465;

    public SmtpServer {
        if (host.isBlank()) {
            throw new IllegalArgumentException("an SMTP server needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
    }

    /** The URL without user and password, for logs and start-up messages. */
    public String display() {
        return (implicitTls ? "smtps" : "smtp") + "://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpServer[" + display() + (user.isPresent() ? ", with login]" : "]");
    }
}
