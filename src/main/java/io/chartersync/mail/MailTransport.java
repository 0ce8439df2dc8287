package io.chartersync.mail;

import jakarta.mail.internet.MimeMessage;

/**
 * Hands a finished message to the world: an SMTP server, or a file. Throws on failure; {@link SendFailure}
 * tells whether a retry can help.
 */
interface MailTransport {
    void send(String id, MimeMessage message) throws Exception;
}
