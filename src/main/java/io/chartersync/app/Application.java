package io.chartersync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingIntake;
import io.chartersync.booking.BookingParser;
import io.chartersync.booking.BookingRoutes;
import io.chartersync.booking.BookingStore;
import io.chartersync.calendar.CalendarModule;
import io.chartersync.common.Json;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.crew.CrewModule;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.db.TextSerializer;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.MailModule;
import io.chartersync.mail.Outbox;
import io.chartersync.storage.FileBlobStore;
import io.chartersync.storage.LocalUploads;
import io.chartersync.storage.SiteStorage;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Guard;
import io.chartersync.web.HttpServer;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.OpsRoutes;
import io.chartersync.web.RateLimiter;
import io.chartersync.web.RouteModule;
import io.chartersync.web.SiteRoutes;
import io.chartersync.workflow.SyncSaga;
import io.chartersync.workflow.SyncStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part by constructor, in one place, and starts them. */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private final AppConfig config;
    private final Secrets secrets;
    private final Database database;
    private final SiteStorage storage;
    private final Scheduler scheduler;
    private final TaskQueue tasks;
    private final HttpServer http;
    private final int port;
    private final URI baseUrl;

    private Application(
            AppConfig config,
            Secrets secrets,
            Database database,
            SiteStorage storage,
            Scheduler scheduler,
            TaskQueue tasks,
            HttpServer http,
            int port,
            URI baseUrl) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.storage = storage;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.http = http;
        this.port = port;
        this.baseUrl = baseUrl;
    }

    public static Application start(AppConfig config) {
        return start(config, Clock.systemUTC(), Hooks.NONE);
    }

    /**
     * Starts on {@code clock}, the one clock every part reads (the task scheduler's due times, retries and
     * heartbeats included), with test {@code hooks} (crash-and-resume tests stop the program dead at them).
     * Tests pass a clock they move, so "the evening before the charter" arrives without waiting or rewriting
     * the scheduler's rows.
     */
    public static Application start(AppConfig config, Clock clock, Hooks hooks) {
        TokenGenerator random = TokenGenerator.secure();
        Secrets secrets = Secrets.resolve(config, random);
        int port = config.http().port() == 0 ? freePort() : config.http().port();
        URI baseUrl = config.http().publicBaseUrl().getPort() == 0
                ? URI.create("http://localhost:" + port)
                : config.http().publicBaseUrl();
        // Only builds the store's clients: nothing is reached over the network yet.
        LocalUploads localUploads = new LocalUploads(secrets.linkSigningKey(), baseUrl, clock);
        SiteStorage storage = siteStorage(config, localUploads);
        Database database;
        try {
            database = config.db()
                    .url()
                    .map(url -> Database.external(url, poolSize(config)))
                    .orElseGet(() -> Database.embedded(config.dataDir().resolve("pg"), poolSize(config)));
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        try {
            ObjectMapper json = Json.mapper();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
            TaskQueue tasks = new TaskQueue();
            LinkTokens linkTokens = new LinkTokens(secrets.linkSigningKey());
            Guard operator = new Guard("X-Dashboard-Token", secrets.dashboardTokenHashes());
            Guard service = new Guard("X-Service-Key", secrets.serviceKeyHashes());
            JsonBodies bodies = new JsonBodies(json);

            MailModule mail = MailModule.create(new MailModule.Deps(
                    database.jdbi(),
                    tasks,
                    templates,
                    linkTokens,
                    config.mail().smtp(),
                    config.dataDir().resolve("mail"),
                    config.mail().from(),
                    baseUrl.getHost(),
                    clock,
                    metrics));
            Outbox outbox = mail.outbox();
            EmailRenderer emails = mail.renderer();

            AuditLog audit = new AuditLog(json, clock);
            CalendarModule calendar = CalendarModule.create(new CalendarModule.Deps(
                    database.jdbi(),
                    json,
                    config.marinaZone(),
                    audit,
                    linkTokens,
                    operator,
                    bodies,
                    baseUrl.getHost()));
            GuestPageModule guestPages = GuestPageModule.create(new GuestPageModule.Deps(
                    database.jdbi(),
                    json,
                    templates,
                    tasks,
                    audit,
                    random,
                    linkTokens,
                    storage.blobs(),
                    storage.cdn(),
                    // The program's own upload route stands in for the bucket only when blobs are local files.
                    config.storage().url().isEmpty() ? Optional.of(localUploads) : Optional.empty(),
                    baseUrl,
                    operator,
                    bodies,
                    new RateLimiter(config.http().linkLimits().uploadsPerAddress(), clock),
                    new ClientAddress(config.http().clientAddressHeader()),
                    clock,
                    hooks.guestPageWritten()));
            CrewModule crew = CrewModule.create(new CrewModule.Deps(
                    database.jdbi(),
                    audit,
                    outbox,
                    emails,
                    tasks,
                    linkTokens,
                    templates,
                    bodies,
                    operator,
                    service,
                    baseUrl,
                    config.mail().operatorEmail(),
                    config.marinaZone(),
                    new RateLimiter(config.http().linkLimits().perLink(), clock),
                    new RateLimiter(config.http().linkLimits().perAddress(), clock),
                    new ClientAddress(config.http().clientAddressHeader()),
                    clock));

            BookingStore bookings = new BookingStore(database.jdbi(), json);
            SyncSaga saga = new SyncSaga(
                    database.jdbi(),
                    bookings,
                    calendar.port(),
                    guestPages.port(),
                    crew.port(),
                    metrics,
                    hooks.afterStep());
            SyncStatus status = new SyncStatus(database.jdbi(), calendar.port(), crew.port(), mail.outboxView());
            BookingIntake intake = new BookingIntake(database.jdbi(), bookings, new SyncTasks(tasks, clock), audit);

            List<Task<?>> durableTasks = new ArrayList<>(List.of(saga.task()));
            durableTasks.addAll(mail.tasks());
            durableTasks.addAll(crew.tasks());
            durableTasks.addAll(guestPages.tasks());
            Scheduler scheduler = Scheduler.create(database.dataSource(), durableTasks)
                    .serializer(new TextSerializer())
                    .clock(clock::instant)
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

            List<RouteModule> routes = new ArrayList<>(List.of(
                    new OpsRoutes(database::ready, metrics),
                    new BookingRoutes(
                            operator, bodies, new BookingParser(crew::unknownMembers), intake, bookings, status)));
            routes.addAll(calendar.routes());
            routes.addAll(crew.routes());
            routes.addAll(guestPages.routes());
            routes.add(new SiteRoutes(storage.blobs(), guestPages.securityHeaders()));
            HttpServer http = new HttpServer(json, metrics, routes);
            try {
                http.start(port);
            } catch (JavalinBindException e) {
                throw new ConfigException(
                        "port " + port + " is in use: stop what uses it, or pass --port N (or set PORT)");
            }
            scheduler.start();
            ServerAddress.record(config.dataDir(), baseUrl);
            return new Application(config, secrets, database, storage, scheduler, tasks, http, port, baseUrl);
        } catch (RuntimeException e) {
            database.close();
            storage.close();
            throw e;
        }
    }

    /** S3 when STORAGE_URL is set, else files under DATA_DIR/site; CloudFront when CDN_DISTRIBUTION_ID is set. */
    private static SiteStorage siteStorage(AppConfig config, LocalUploads uploads) {
        AppConfig.Storage settings = config.storage();
        return SiteStorage.open(
                settings.url(),
                settings.cdnDistributionId(),
                settings.credentials(),
                () -> new FileBlobStore(config.dataDir().resolve("site"), uploads));
    }

    /** Each sync holds two connections (its bookkeeping and its step); HTTP requests need the rest. */
    private static int poolSize(AppConfig config) {
        return 2 * config.taskThreads() + 16;
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

    /**
     * Stops in order, each part even if one before it failed: HTTP (no new requests; those in flight are
     * answered, up to {@link HttpServer#DRAIN}), the scheduler (running tasks finish within its shutdown
     * wait, or are left to be revived as dead executions after a restart), then the database and storage.
     */
    @Override
    public void close() {
        stopping("HTTP server", http::close);
        stopping("scheduler", scheduler::stop);
        stopping("task queue", tasks::close);
        stopping("database", database::close);
        stopping("storage", storage::close);
    }

    private static void stopping(String part, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("The {} did not stop cleanly: {}", part, e.toString());
        }
    }
}
