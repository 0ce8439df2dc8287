package io.chartersync.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Hands each email to an SMTP server (Angus Mail), one connection per email: simple, and a broken
 * connection never outlives the email it failed. {@code smtp://} upgrades to TLS by STARTTLS whenever the
 * server offers it (not required, so a local relay without TLS works); {@code smtps://} speaks TLS from the
 * first byte. With TLS the server's certificate must be valid for its host name.
 */
final class SmtpMailTransport implements MailTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final SmtpServer server;
    private final Session session;
    private final String protocol;

    SmtpMailTransport(SmtpServer server) {
        this.server = server;
        this.protocol = server.implicitTls() ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(server, protocol));
    }

    static Properties properties(SmtpServer server, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", server.host());
        props.setProperty(p + "port", String.valueOf(server.port()));
        props.setProperty(p + "auth", String.valueOf(server.user().isPresent()));
        props.setProperty(p + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        props.setProperty(p + "timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        props.setProperty(p + "writetimeout", String.valueOf(WRITE_TIMEOUT.toMillis()));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        if (!server.implicitTls()) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "false");
        }
        return props;
    }

    @Override
    public void send(String id, MimeMessage message) throws MessagingException {
        Transport transport = session.getTransport(protocol);
        try {
            transport.connect(
                    server.host(),
                    server.port(),
                    server.user().orElse(null),
                    server.password().orElse(server.user().isPresent() ? "" : null));
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            closeQuietly(transport);
        }
    }

    /**
     * Once the server has accepted the message, a failing QUIT must not turn into a failure: the retry would
     * send the email twice.
     */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message is accepted (or the failure that matters is already being thrown)
        }
    }
}
