package io.chartersync.mail;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.MailServer;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed booking's emails handed to a real SMTP server (GreenMail) instead of written as files. */
class SmtpDeliveryTest {
    private static final String FROM = "JADA Charters <dispatch@jada.example.com>";
    private static final MailServer smtp = MailServer.started();

    @RegisterExtension
    static final RunningApp app =
            new RunningApp().withRoster().withEnvironment(Map.of("SMTP_URL", smtp.url(), "MAIL_FROM", FROM));

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void emptyMailbox() {
        smtp.clear();
    }

    @Test
    void seed_booking_sends_three_invitations_and_the_captain_summary_over_smtp() throws Exception {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);

        assertThat(status.at("/emails/sent").asInt()).isEqualTo(5);
        assertThat(status.at("/emails/errors")).isEmpty();
        List<MimeMessage> received = awaitReceived(5);
        assertThat(received)
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Confirm: JADA charter Thu May 30, 9:00 AM",
                        "Confirm: JADA charter Thu May 30, 9:00 AM",
                        "Confirm: JADA charter Thu May 30, 9:00 AM",
                        "Captain summary: JADA charter Thu May 30, 9:00 AM (0 of 3 confirmed)",
                        "Your JADA charter Thu May 30, 9:00 AM: your guest page");
        assertThat(received)
                .extracting(SmtpDeliveryTest::to)
                .containsExactlyInAnyOrder(
                        "captain-1@crew.example.com",
                        "crew-1@crew.example.com",
                        "crew-2@crew.example.com",
                        "captain-1@crew.example.com",
                        "guest@example.com");
        assertThat(app.mailbox().all()).as("no .eml files when SMTP is set").isEmpty();
    }

    @Test
    void each_email_is_multipart_alternative_from_mail_from_with_the_outbox_id_as_message_id() throws Exception {
        app.bookings().submitAndSync(Examples.booking(), 1);

        List<MimeMessage> received = awaitReceived(5);
        List<String> outboxIds = TestDatabase.strings("select id::text from mail_outbox");
        assertThat(received)
                .extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrderElementsOf(outboxIds.stream()
                        .map(id -> "<" + id + "@" + app.baseUrl().getHost() + ">")
                        .toList());
        for (MimeMessage message : received) {
            assertThat(message.getFrom()).containsExactly(new InternetAddress(FROM));
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        }
    }

    @Test
    void invitation_text_part_carries_a_magic_link_that_opens_the_crew_page() throws Exception {
        app.bookings().submitAndSync(Examples.booking(), 1);

        List<MimeMessage> invitations = awaitReceived(5).stream()
                .filter(m -> subject(m).startsWith("Confirm:"))
                .toList();
        assertThat(invitations).hasSize(3);
        Pattern link = Pattern.compile(Pattern.quote(app.baseUrl().toString()) + "(/m/[A-Za-z0-9_-]{43})");
        for (MimeMessage invitation : invitations) {
            Matcher m = link.matcher(textPart(invitation));
            assertThat(m.find())
                    .as("a magic link in the text part to %s", to(invitation))
                    .isTrue();
            assertThat(app.http().get(m.group(1), NOBODY).status()).isEqualTo(200);
        }
    }

    private static List<MimeMessage> awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= count);
        return smtp.received();
    }

    private static String textPart(MimeMessage message) throws MessagingException, IOException {
        BodyPart text = ((MimeMultipart) message.getContent()).getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        return (String) text.getContent();
    }

    private static String to(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
