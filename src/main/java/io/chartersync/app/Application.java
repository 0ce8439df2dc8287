package io.chartersync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.BookingModule;
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
import io.chartersync.guestpage.BoatProfiles;
import io.chartersync.guestpage.BoatRoutes;
import io.chartersync.guestpage.GuestPageService;
import io.chartersync.guestpage.GuestPhotos;
import io.chartersync.guestpage.UploadRoutes;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.FileMailTransport;
import io.chartersync.mail.MailDelivery;
import io.chartersync.mail.MailTransport;
import io.chartersync.mail.Outbox;
import io.chartersync.mail.SmtpMailTransport;
import io.chartersync.storage.BlobStore;
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
import io.chartersync.workflow.SyncProgress;
import io.chartersync.workflow.WorkflowModule;
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
    private final SyncProgress syncProgress;

    private Application(
            AppConfig config,
            Secrets secrets,
            Database database,
            SiteStorage storage,
            Scheduler scheduler,
            TaskQueue tasks,
            HttpServer http,
            int port,
            URI baseUrl,
            SyncProgress syncProgress) {
        this.config = config;
        this.secrets = secrets;
        this.database = database;
        this.storage = storage;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.http = http;
        this.port = port;
        this.baseUrl = baseUrl;
        this.syncProgress = syncProgress;
    }

    public static Application start(AppConfig config) {
        return start(config, Hooks.NONE);
    }

    /** Starts with test {@code hooks} (crash-and-resume tests stop the program dead at them). */
    public static Application start(AppConfig config, Hooks hooks) {
        Clock clock = Clock.systemUTC();
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

            Outbox outbox = new Outbox(tasks, clock);
            MailTransport transport = config.mail()
                    .smtp()
                    .<MailTransport>map(SmtpMailTransport::new)
                    .orElseGet(() -> new FileMailTransport(config.dataDir().resolve("mail")));
            MailDelivery delivery = new MailDelivery(
                    database.jdbi(), transport, config.mail().from(), baseUrl.getHost(), linkTokens, clock, metrics);
            EmailRenderer emails = new EmailRenderer(templates);

            BlobStore site = storage.store();
            AuditLog audit = new AuditLog(json, clock);
            CalendarService calendar = CalendarService.create(database.jdbi(), json, config.marinaZone(), audit);
            GuestPageService guestPages = new GuestPageService(
                    database.jdbi(),
                    site,
                    storage.cdn(),
                    templates,
                    random,
                    linkTokens,
                    json,
                    baseUrl,
                    tasks,
                    clock,
                    hooks.guestPageWritten());
            GuestPhotos photos = new GuestPhotos(database.jdbi(), site, guestPages, tasks, clock);
            BoatProfiles boats = new BoatProfiles(database.jdbi(), guestPages, audit);
            RosterStore roster = new RosterStore(database.jdbi(), audit);
            CrewService crew = new CrewService(
                    database.jdbi(),
                    roster,
                    outbox,
                    emails,
                    linkTokens,
                    baseUrl,
                    config.mail().operatorEmail(),
                    tasks,
                    audit,
                    clock);

            Guard operator = new Guard("X-Dashboard-Token", secrets.dashboardTokenHashes());
            Guard service = new Guard("X-Service-Key", secrets.serviceKeyHashes());
            JsonBodies bodies = new JsonBodies(json);
            // Booking first (the workflow reads it), then the workflow, then booking's routes from the workflow.
            BookingModule bookings = BookingModule.create(
                    new BookingModule.Deps(database.jdbi(), json, audit, roster::unknown, operator, bodies));
            WorkflowModule workflow = WorkflowModule.create(new WorkflowModule.Deps(
                    database.jdbi(),
                    bookings.reader(),
                    calendar,
                    crew,
                    guestPages,
                    tasks,
                    metrics,
                    clock,
                    hooks.afterStep()));

            List<Task<?>> durableTasks = new ArrayList<>(workflow.tasks());
            durableTasks.add(delivery.task());
            durableTasks.addAll(crew.tasks());
            durableTasks.add(photos.task());
            durableTasks.add(guestPages.closeUploadsTask());
            Scheduler scheduler = Scheduler.create(database.dataSource(), durableTasks)
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

            List<RouteModule> routes = new ArrayList<>();
            routes.add(new OpsRoutes(database::ready, metrics));
            routes.addAll(bookings.routes(workflow.scheduler(), workflow.status()));
            routes.addAll(List.of(
                    new RosterRoutes(operator, bodies, roster),
                    new CalendarRoutes(operator, bodies, calendar),
                    new FeedRoutes(new FeedTokens(database.jdbi(), linkTokens, audit), calendar, baseUrl.getHost()),
                    new EventRoutes(service, bodies, crew, roster, config.marinaZone()),
                    new MagicLinkRoutes(
                            crew,
                            templates,
                            bodies,
                            linkTokens,
                            baseUrl,
                            new RateLimiter(config.http().linkLimits().perLink(), clock),
                            new RateLimiter(config.http().linkLimits().perAddress(), clock),
                            new ClientAddress(config.http().clientAddressHeader())),
                    new UploadRoutes(
                            photos,
                            site,
                            // The program's own upload route stands in for the store only when it is
                            // local.
                            config.storage().url().isEmpty() ? Optional.of(localUploads) : Optional.empty(),
                            bodies,
                            templates,
                            baseUrl,
                            guestPages.securityHeaders(),
                            new RateLimiter(config.http().linkLimits().uploadsPerAddress(), clock),
                            new ClientAddress(config.http().clientAddressHeader())),
                    new BoatRoutes(operator, bodies, boats),
                    new SiteRoutes(site, guestPages.securityHeaders())));
            HttpServer http = new HttpServer(json, metrics, routes);
            try {
                http.start(port);
            } catch (JavalinBindException e) {
                throw new ConfigException(
                        "port " + port + " is in use: stop what uses it, or pass --port N (or set PORT)");
            }
            scheduler.start();
            ServerAddress.record(config.dataDir(), baseUrl);
            return new Application(
                    config, secrets, database, storage, scheduler, tasks, http, port, baseUrl, workflow.progress());
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

    /** How far the syncs of all bookings have come (the benchmark watches it). */
    public SyncProgress syncProgress() {
        return syncProgress;
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
