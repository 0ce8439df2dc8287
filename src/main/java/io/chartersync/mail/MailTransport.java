package io.chartersync.mail;

import jakarta.mail.internet.MimeMessage;

/** Hands a finished message to the world (a file now; SMTP later). Throws on failure. */
public interface MailTransport {
    void send(String id, MimeMessage message) throws Exception;
}
