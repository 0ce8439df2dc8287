package io.chartersync.mail;

import com.github.kagkarlsson.scheduler.task.Task;
import gg.jte.TemplateEngine;
import io.chartersync.common.LinkTokens;
import io.chartersync.db.TaskQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Email: the durable outbox features queue into, the task that delivers it (to an SMTP server, or as files),
 * and the read view of how a booking's emails stand.
 */
public final class MailModule {
    /**
     * What mail needs from the rest of the program. With {@code smtp} empty, each email is written as a file
     * under {@code fileDirectory}; {@code from} is the sender, {@code messageIdDomain} ends each Message-ID.
     */
    public record Deps(
            Jdbi jdbi,
            TaskQueue tasks,
            TemplateEngine templates,
            LinkTokens linkTokens,
            Optional<SmtpServer> smtp,
            Path fileDirectory,
            String from,
            String messageIdDomain,
            Clock clock,
            MeterRegistry metrics) {}

    private final OutboxStore store;
    private final Outbox outbox;
    private final EmailRenderer renderer;
    private final MailDelivery delivery;
    private final FailedEmails failed;

    private MailModule(OutboxStore store, Outbox outbox, EmailRenderer renderer, MailDelivery delivery) {
        this.store = store;
        this.outbox = outbox;
        this.renderer = renderer;
        this.delivery = delivery;
        this.failed = new FailedEmails(store, outbox);
    }

    public static MailModule create(Deps deps) {
        OutboxStore store = new OutboxStore(deps.jdbi());
        MailTransport transport = deps.smtp()
                .<MailTransport>map(SmtpMailTransport::new)
                .orElseGet(() -> new FileMailTransport(deps.fileDirectory()));
        return new MailModule(
                store,
                new Outbox(store, deps.tasks(), deps.clock()),
                new EmailRenderer(deps.templates()),
                new MailDelivery(
                        store,
                        transport,
                        deps.from(),
                        deps.messageIdDomain(),
                        deps.linkTokens(),
                        deps.clock(),
                        deps.metrics()));
    }

    /** The read view alone, for tools that only read the outbox (the demo's printout). */
    public static OutboxView outboxView(Jdbi jdbi) {
        return new OutboxStore(jdbi);
    }

    /** Where features queue their emails, in their own transactions. */
    public Outbox outbox() {
        return outbox;
    }

    /** Turns what an email says into its plain-text and HTML parts. */
    public EmailRenderer renderer() {
        return renderer;
    }

    /** How a booking's emails stand, for its status. */
    public OutboxView outboxView() {
        return store;
    }

    /** A booking's failed emails, and sending one again. */
    public FailedEmails failedEmails() {
        return failed;
    }

    /** The outbox as the operator reads it: the console's mailbox and a booking's emails. */
    public Mailbox mailbox() {
        return store;
    }

    /** The {@code deliver-mail} task. */
    public List<Task<?>> tasks() {
        return List.of(delivery.task());
    }
}
