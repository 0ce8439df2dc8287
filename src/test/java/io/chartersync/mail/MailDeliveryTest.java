package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.LinkTokens;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery of the emails of one task: one failing email holds back none of the others. */
class MailDeliveryTest {
    private static Database database;
    private static TaskQueue tasks;

    /** A transport at the edge that refuses one recipient, as a mail server might for a while. */
    private static final class RefusingTransport implements MailTransport {
        final List<String> delivered = new ArrayList<>();

        @Override
        public void send(String id, MimeMessage message) throws Exception {
            String to = message.getAllRecipients()[0].toString();
            if (to.startsWith("down@")) {
                throw new java.io.IOException("connection refused for " + to);
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
        Outbox outbox = new Outbox(tasks, Clock.systemUTC());
        List<OutboxMessage> messages = List.of(
                message("one@crew.example.com"), message("down@crew.example.com"), message("two@crew.example.com"));
        database.jdbi().useTransaction(h -> outbox.enqueue(h, messages));
        byte[] taskData = database.jdbi()
                .withHandle(h -> h.createQuery("select task_data from scheduled_tasks where task_name = 'deliver-mail'")
                        .mapTo(byte[].class)
                        .one());
        String ids = new String(taskData, StandardCharsets.UTF_8);
        RefusingTransport transport = new RefusingTransport();
        MailDelivery delivery = delivery(transport);

        assertThatThrownBy(() -> delivery.deliverAll(ids)).hasMessageContaining("connection refused");

        assertThat(transport.delivered).containsExactly("one@crew.example.com", "two@crew.example.com");
        assertThat(TestDatabase.count("select count(*) from mail_outbox where state = 'sent'"))
                .isEqualTo(2);
        assertThat(TestDatabase.count(
                        "select count(*) from mail_outbox where state = 'queued' and last_error like '%refused%'"))
                .isEqualTo(1);
    }

    private static MailDelivery delivery(MailTransport transport) {
        return new MailDelivery(
                database.jdbi(),
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
}
