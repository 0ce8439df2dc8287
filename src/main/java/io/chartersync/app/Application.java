package io.chartersync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingIntake;
import io.chartersync.booking.BookingParser;
import io.chartersync.booking.BookingRoutes;
import io.chartersync.booking.BookingStore;
import io.chartersync.calendar.CalendarRoutes;
import io.chartersync.calendar.CalendarService;
import io.chartersync.calendar.FeedRoutes;
import io.chartersync.calendar.FeedTokens;
import io.chartersync.common.Json;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.crew.CrewService;
import io.chartersync.crew.EventRoutes;
import io.chartersync.crew.MagicLinkRoutes;
import io.chartersync.crew.RosterRoutes;
import io.chartersync.crew.RosterStore;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.db.TextSerializer;
import io.chartersync.guestpage.GuestPageService;
import io.chartersync.guestpage.PresignRoutes;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.FileMailTransport;
import io.chartersync.mail.MailDelivery;
import io.chartersync.mail.Outbox;
import io.chartersync.storage.CdnInvalidator;
import io.chartersync.storage.FileBlobStore;
import io.chartersync.web.Guard;
import io.chartersync.web.HttpServer;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.OpsRoutes;
import io.chartersync.web.SiteRoutes;
import io.chartersync.workflow.SyncSaga;
import io.chartersync.workflow.SyncStatus;
import io.chartersync.workflow.SyncStep;
import io.chartersync.workflow.SyncTasks;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** The composition root: builds every part by constructor, in one place, and starts them. */
public final class Application implements AutoCloseable {
    private final AppConfig config;
    private final Secrets secrets;
    private final Database database;
    private final Scheduler scheduler;
    private final TaskQueue tasks;
    private final HttpServer http;
    private final int port;
    private final URI baseUrl;

    private Application(
            AppConfig config,
            Secrets secrets,
            Database database,
            Scheduler scheduler,
            TaskQueue tasks,
            HttpServer http,
            int port,
            URI baseUrl) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.http = http;
        this.port = port;
        this.baseUrl = baseUrl;
    }

    public static Application start(AppConfig config) {
        return start(config, step -> {});
    }

    /** {@code afterStep} observes each finished sync step (a test hook for crash-and-resume). */
    public static Application start(AppConfig config, Consumer<SyncStep> afterStep) {
        refuseUnsupported(config);
        Clock clock = Clock.systemUTC();
        TokenGenerator random = TokenGenerator.secure();
        Secrets secrets = Secrets.resolve(config, random);
        int port = config.http().port() == 0 ? freePort() : config.http().port();
        URI baseUrl = config.http().publicBaseUrl().getPort() == 0
                ? URI.create("http://localhost:" + port)
                : config.http().publicBaseUrl();
        Database database = config.db()
                .url()
                .map(url -> Database.external(url, poolSize(config)))
                .orElseGet(() -> Database.embedded(config.dataDir().resolve("pg"), poolSize(config)));
        try {
            ObjectMapper json = Json.mapper();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
            TaskQueue tasks = new TaskQueue();
            LinkTokens linkTokens = new LinkTokens(secrets.linkSigningKey());

            Outbox outbox = new Outbox(tasks, clock);
            FileMailTransport transport = new FileMailTransport(config.dataDir().resolve("mail"));
            MailDelivery delivery = new MailDelivery(
                    database.jdbi(), transport, config.mail().from(), baseUrl.getHost(), linkTokens, clock, metrics);
            EmailRenderer emails = new EmailRenderer(templates);

            FileBlobStore site = new FileBlobStore(config.dataDir().resolve("site"));
            AuditLog audit = new AuditLog(json, clock);
            CalendarService calendar = CalendarService.create(database.jdbi(), json, config.marinaZone(), audit);
            GuestPageService guestPages =
                    new GuestPageService(database.jdbi(), site, CdnInvalidator.none(), templates, random, baseUrl);
            RosterStore roster = new RosterStore(database.jdbi());
            CrewService crew = new CrewService(database.jdbi(), roster, outbox, emails, linkTokens, baseUrl, clock);

            BookingStore bookings = new BookingStore(database.jdbi(), json);
            SyncSaga saga = new SyncSaga(
                    database.jdbi(),
                    bookings,
                    calendar,
                    guestPages,
                    crew,
                    metrics,
                    config.mail().operatorEmail(),
                    afterStep);
            SyncStatus status = new SyncStatus(database.jdbi(), calendar, crew);
            BookingIntake intake = new BookingIntake(database.jdbi(), bookings, new SyncTasks(tasks, clock), audit);

            Scheduler scheduler = Scheduler.create(database.dataSource(), List.of(saga.task(), delivery.task()))
                    .serializer(new TextSerializer())
                    .threads(config.taskThreads())
                    .enablePriority()
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .pollingInterval(Duration.ofSeconds(1))
                    .heartbeatInterval(Duration.ofSeconds(2))
                    .missedHeartbeatsLimit(4)
                    .shutdownMaxWait(Duration.ofSeconds(10))
                    .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, false)
                    .build();
            tasks.onScheduled(scheduler::triggerCheckForDueExecutions);

            Guard operator = new Guard("X-Dashboard-Token", secrets.dashboardTokenHashes());
            Guard service = new Guard("X-Service-Key", secrets.serviceKeyHashes());
            JsonBodies bodies = new JsonBodies(json);
            HttpServer http = new HttpServer(
                    json,
                    metrics,
                    List.of(
                            new OpsRoutes(database::ready, metrics),
                            new BookingRoutes(
                                    operator, bodies, new BookingParser(roster::unknown), intake, bookings, status),
                            new RosterRoutes(operator, bodies, roster),
                            new CalendarRoutes(operator, bodies, calendar),
                            new FeedRoutes(
                                    new FeedTokens(database.jdbi(), linkTokens, audit), calendar, baseUrl.getHost()),
                            new EventRoutes(service, bodies, crew, roster, config.marinaZone()),
                            new MagicLinkRoutes(crew, templates, bodies, baseUrl.getHost()),
                            new PresignRoutes(),
                            new SiteRoutes(site)));
            try {
                http.start(port);
            } catch (JavalinBindException e) {
                throw new ConfigException(
                        "port " + port + " is in use: stop what uses it, or pass --port N (or set PORT)");
            }
            scheduler.start();
            return new Application(config, secrets, database, scheduler, tasks, http, port, baseUrl);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Each sync holds two connections (its bookkeeping and its step); HTTP requests need the rest. */
    private static int poolSize(AppConfig config) {
        return 2 * config.taskThreads() + 16;
    }

    private static void refuseUnsupported(AppConfig config) {
        if (config.mail().smtpUrl().isPresent()) {
            throw new ConfigException(
                    "SMTP_URL is set, but SMTP delivery is not in this release yet; unset it and emails are written to "
                            + config.dataDir().resolve("mail"));
        }
        if (config.storage().url().isPresent()
                || config.storage().cdnDistributionId().isPresent()) {
            throw new ConfigException(
                    "STORAGE_URL / CDN_DISTRIBUTION_ID are set, but S3 publishing is not in this release yet; unset them and pages are written to "
                            + config.dataDir().resolve("site"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Secrets secrets() {
        return secrets;
    }

    public AppConfig config() {
        return config;
    }

    public Path mailDirectory() {
        return config.dataDir().resolve("mail");
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        http.close();
        scheduler.stop();
        tasks.close();
        database.close();
    }
}
