package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RefusingSmtpServer;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that answers 550 for one recipient: that email is failed at once with the server's reply in the
 * booking status, never retried, and the other emails of the booking go out.
 */
class SmtpRefusalTest {
    private static final String REFUSED = "crew-2@crew.example.com";
    private static final String REPLY = "550 5.1.1 mailbox unavailable";
    private static final RefusingSmtpServer smtp = RefusingSmtpServer.start(REFUSED, REPLY);

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster().withEnvironment(Map.of("SMTP_URL", smtp.url()));

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void forget() {
        smtp.recipientsAsked.clear();
        smtp.delivered.clear();
    }

    @Test
    void a_recipient_refused_with_5xx_is_failed_at_once_with_the_reply_and_the_others_are_sent() {
        JsonNode status = app.bookings().submitAndSync(Examples.booking(), 1);

        assertThat(status.at("/emails/sent").asInt()).isEqualTo(4);
        assertThat(status.at("/emails/failed").asInt()).isEqualTo(1);
        assertThat(status.at("/emails/queued").asInt()).isZero();
        assertThat(status.at("/emails/errors")).hasSize(1);
        assertThat(status.at("/emails/errors/0/recipient").asText()).isEqualTo(REFUSED);
        assertThat(status.at("/emails/errors/0/kind").asText()).isEqualTo("invite");
        assertThat(status.at("/emails/errors/0/error").asText()).isEqualTo(REPLY);
        assertThat(status.get("state").asText()).isEqualTo("synced");
        assertThat(smtp.delivered)
                .containsExactlyInAnyOrder(
                        "captain-1@crew.example.com",
                        "crew-1@crew.example.com",
                        "captain-1@crew.example.com",
                        "guest@example.com");
    }

    @Test
    void a_permanent_refusal_is_not_retried() {
        app.bookings().submitAndSync(Examples.booking(), 1);

        await().atMost(Duration.ofSeconds(5))
                .alias("no delivery task left to retry")
                .until(() -> TestDatabase.count("select count(*) from scheduled_tasks where task_name = 'deliver-mail'")
                        == 0);
        assertThat(TestDatabase.count("select attempts from mail_outbox where recipient = '" + REFUSED + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.strings("select state from mail_outbox where recipient = '" + REFUSED + "'"))
                .containsExactly("failed");
        assertThat(smtp.recipientsAsked).filteredOn(REFUSED::equals).hasSize(1);
    }
}
