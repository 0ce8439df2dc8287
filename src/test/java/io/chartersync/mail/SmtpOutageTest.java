package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.MailServer;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMTP server goes away mid-run: the emails stay queued and are retried with backoff (the first retry
 * comes after about 5 s), and once the server is back every email arrives exactly once.
 */
class SmtpOutageTest {
    private static final MailServer smtp = MailServer.started();

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("SMTP_URL", smtp.url()));

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void emptyMailbox() {
        smtp.clear();
    }

    @Test
    void emails_wait_out_an_smtp_outage_and_each_arrives_exactly_once_when_it_ends() {
        smtp.stop();
        String id = app.bookings().submit(Examples.booking());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        TestDatabase.count("select count(*) from mail_outbox where state = 'queued' and attempts > 0")
                                == 5);
        JsonNode during = app.bookings().status(id);
        assertThat(during.at("/emails/queued").asInt()).isEqualTo(5);
        assertThat(during.at("/emails/sent").asInt()).isZero();
        assertThat(during.at("/emails/failed").asInt()).isZero();
        assertThat(during.at("/emails/errors")).isEmpty();
        assertThat(TestDatabase.strings("select last_error from mail_outbox"))
                .allSatisfy(error -> assertThat(error).contains("Couldn't connect to host"));
        assertThat(smtp.received()).isEmpty();

        smtp.start();

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> app.bookings().status(id).at("/emails/sent").asInt() == 5);
        JsonNode after = app.bookings().status(id);
        assertThat(after.at("/emails/queued").asInt()).isZero();
        assertThat(after.at("/emails/failed").asInt()).isZero();
        assertThat(TestDatabase.count("select min(attempts) from mail_outbox")).isGreaterThanOrEqualTo(2);
        List<String> expected = TestDatabase.strings("select id::text from mail_outbox").stream()
                .map(outboxId -> "<" + outboxId + "@" + app.baseUrl().getHost() + ">")
                .toList();
        assertThat(smtp.received())
                .extracting(SmtpOutageTest::messageId)
                .as("every email once, none twice")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
