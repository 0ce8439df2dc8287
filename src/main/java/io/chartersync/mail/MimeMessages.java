package io.chartersync.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Builds multipart/alternative (plain text + HTML) messages with a stable Message-ID. */
final class MimeMessages {
    static {
        // Name the stream provider, so Jakarta Mail does not scan the class path for it on every body part.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session session = Session.getInstance(new Properties());
    private final String from;
    private final String messageIdDomain;

    MimeMessages(String from, String messageIdDomain) {
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    MimeMessage build(String id, String to, String subject, String text, String html, Instant date)
            throws MessagingException {
        String messageId = "<" + id + "@" + messageIdDomain + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(date));
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        textPart.setHeader("Content-Transfer-Encoding", transferEncoding(text));
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        htmlPart.setHeader("Content-Transfer-Encoding", transferEncoding(html));
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * 7bit for plain ASCII with short lines (readable as is in an .eml), quoted-printable otherwise, the
     * rule Jakarta Mail applies itself; deciding here spares it a second pass over every body.
     */
    static String transferEncoding(String body) {
        int lineLength = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= 0x7f || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return "quoted-printable";
            }
            lineLength = c == '\n' ? 0 : lineLength + 1;
            if (lineLength > 998) {
                return "quoted-printable";
            }
        }
        return "7bit";
    }
}
