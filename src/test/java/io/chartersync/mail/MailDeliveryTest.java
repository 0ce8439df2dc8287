package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.LinkTokens;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery of the emails of one task: one failing email holds back none of the others. */
class MailDeliveryTest {
    private static Database database;
    private static TaskQueue tasks;

    /**
     * A transport at the edge that cannot reach {@code down@…} for now (transient) and is told {@code gone@…}
     * does not exist (a 550 reply, permanent).
     */
    private static final class RefusingTransport implements MailTransport {
        final List<String> delivered = new ArrayList<>();

        @Override
        public void send(String id, MimeMessage message) throws Exception {
            String to = message.getAllRecipients()[0].toString();
            if (to.startsWith("down@")) {
                throw new java.io.IOException("connection refused for " + to);
            }
            if (to.startsWith("gone@")) {
                throw new SendFailedException(
                        "Invalid Addresses",
                        new SMTPAddressFailedException(
                                new InternetAddress(to), "RCPT TO:<" + to + ">", 550, "550 5.1.1 no such user"));
            }
            delivered.add(to);
        }
    }

    @BeforeAll
    static void open() {
        database = Database.external(TestDatabase.jdbcUrl(), 4);
        tasks = new TaskQueue();
    }

    @AfterAll
    static void close() {
        tasks.close();
        database.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase.reset();
    }

    @Test
    void a_failing_email_does_not_hold_back_the_others_and_the_retry_sends_only_it() {
        Outbox outbox = new Outbox(store(), tasks, Clock.systemUTC());
        List<OutboxMessage> messages = List.of(
                message("one@crew.example.com"), message("down@crew.example.com"), message("two@crew.example.com"));
        database.jdbi().useTransaction(h -> outbox.enqueue(h, messages));
        MailBatch batch = taskData();
        RefusingTransport transport = new RefusingTransport();
        MailDelivery delivery = delivery(transport);

        assertThatThrownBy(() -> delivery.deliverAll(batch)).hasMessageContaining("connection refused");

        assertThat(transport.delivered).containsExactly("one@crew.example.com", "two@crew.example.com");
        assertThat(TestDatabase.count("select count(*) from mail_outbox where state = 'sent'"))
                .isEqualTo(2);
        assertThat(TestDatabase.count(
                        "select count(*) from mail_outbox where state = 'queued' and last_error like '%refused%'"))
                .isEqualTo(1);
    }

    @Test
    void an_email_refused_for_good_is_failed_at_once_with_the_reply_and_the_task_succeeds() {
        Outbox outbox = new Outbox(store(), tasks, Clock.systemUTC());
        List<OutboxMessage> messages = List.of(message("one@crew.example.com"), message("gone@crew.example.com"));
        database.jdbi().useTransaction(h -> outbox.enqueue(h, messages));
        RefusingTransport transport = new RefusingTransport();

        delivery(transport).deliverAll(taskData());

        assertThat(transport.delivered).containsExactly("one@crew.example.com");
        assertThat(TestDatabase.count("""
                select count(*) from mail_outbox where recipient = 'gone@crew.example.com'
                  and state = 'failed' and attempts = 1 and last_error = '550 5.1.1 no such user'""")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from mail_outbox where state = 'sent'"))
                .isEqualTo(1);
    }

    @Test
    void failed_emails_are_listed_with_recipient_kind_and_reason_in_the_counts() {
        UUID booking = UUID.randomUUID();
        Outbox outbox = new Outbox(store(), tasks, Clock.systemUTC());
        database.jdbi()
                .useTransaction(h -> outbox.enqueue(
                        h,
                        List.of(message("one@crew.example.com", booking), message("gone@crew.example.com", booking))));

        delivery(new RefusingTransport()).deliverAll(taskData());

        MailCounts counts = database.jdbi().withHandle(h -> store().counts(h, booking));
        assertThat(counts.sent()).isEqualTo(1);
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.errors())
                .containsExactly(new MailCounts.Failure("gone@crew.example.com", "test", "550 5.1.1 no such user"));
    }

    @Test
    void transient_failures_are_retried_for_about_24_hours_on_average() {
        var backoff = MailDelivery.<String>backoff((instance, cause) -> {});
        int runs = 200;
        long totalMillis = 0;
        for (int run = 0; run < runs; run++) {
            for (int retry = 1; retry < MailDelivery.MAX_ATTEMPTS; retry++) {
                totalMillis += backoff.delay(retry).toMillis();
            }
        }
        Duration mean = Duration.ofMillis(totalMillis / runs);

        assertThat(mean).isBetween(Duration.ofMinutes(22 * 60 + 30), Duration.ofMinutes(24 * 60 + 30));
    }

    private static OutboxStore store() {
        return new OutboxStore(database.jdbi());
    }

    private static MailBatch taskData() {
        byte[] taskData = database.jdbi()
                .withHandle(h -> h.createQuery("select task_data from scheduled_tasks where task_name = 'deliver-mail'")
                        .mapTo(byte[].class)
                        .one());
        return MailBatch.decode(new String(taskData, StandardCharsets.UTF_8));
    }

    private static MailDelivery delivery(MailTransport transport) {
        return new MailDelivery(
                store(),
                transport,
                "Charter Sync <no-reply@chartersync.local>",
                "localhost",
                new LinkTokens("k".repeat(32).getBytes(StandardCharsets.UTF_8)),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static OutboxMessage message(String to) {
        return new OutboxMessage(
                "test:" + to, Optional.empty(), "test", to, "Hello", "Hello", "<p>Hello</p>", Optional.empty());
    }

    private static OutboxMessage message(String to, UUID booking) {
        return new OutboxMessage(
                "test:" + to, Optional.of(booking), "test", to, "Hello", "Hello", "<p>Hello</p>", Optional.empty());
    }
}
