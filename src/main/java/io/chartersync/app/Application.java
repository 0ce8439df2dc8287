package io.chartersync.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingModule;
import io.chartersync.booking.CrewDirectory;
import io.chartersync.calendar.CalendarModule;
import io.chartersync.common.TokenGenerator;
import io.chartersync.console.ConsoleModule;
import io.chartersync.console.OperatorSettings;
import io.chartersync.crew.CrewModule;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.feed.FeedModule;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.idempotency.IdempotencyModule;
import io.chartersync.mail.MailModule;
import io.chartersync.storage.FileBlobStore;
import io.chartersync.storage.LocalUploads;
import io.chartersync.storage.SiteStorage;
import io.chartersync.web.HttpServer;
import io.chartersync.web.OpsRoutes;
import io.chartersync.web.RouteModule;
import io.chartersync.web.SiteRoutes;
import io.chartersync.webhook.WebhookModule;
import io.chartersync.workflow.SyncProgress;
import io.chartersync.workflow.WorkflowModule;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the shared parts ({@link Shared}), then each feature module by its own
 * {@code create} ({@link #modules}), hands their routes to the HTTP server and their durable tasks to the
 * scheduler ({@link TaskScheduler}), and starts them. Nothing else in the program wires parts together.
 */
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
    private final AutoCloseable feeds;

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
            SyncProgress syncProgress,
            AutoCloseable feeds) {
        this.feeds = feeds;
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
        return start(config, Clock.systemUTC(), Hooks.NONE);
    }

    /**
     * Starts on {@code clock}, the one clock every part reads (the task scheduler's due times, retries and
     * heartbeats included), with test {@code hooks} (crash-and-resume tests stop the program dead at them).
     * Tests pass a clock they move, so "the evening before the charter" arrives without waiting or rewriting
     * the scheduler's rows.
     */
    public static Application start(AppConfig config, Clock clock, Hooks hooks) {
        // Before anything is started or written: a taken port stops the start at once, naming it.
        requirePortFree(config.http().port());
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
            Shared shared = Shared.build(config, secrets, database, baseUrl, clock, random);
            Modules modules = modules(shared, storage, localUploads, hooks);
            if (config.db().url().isEmpty()) {
                int freed = TaskScheduler.releaseExecutionsOfTheDeadProgram(database);
                if (freed > 0) {
                    log.info("{} task(s) left running by a program that stopped dead will run again now", freed);
                }
            }
            Scheduler scheduler = TaskScheduler.build(database, modules.tasks(), config.taskThreads(), clock);
            shared.tasks().onScheduled(scheduler::triggerCheckForDueExecutions);
            HttpServer http = new HttpServer(shared.json(), shared.metrics(), modules.routes());
            try {
                http.start(port);
            } catch (JavalinBindException e) {
                throw new ConfigException(portInUse(port));
            }
            scheduler.start();
            ServerAddress.record(config.dataDir(), baseUrl);
            return new Application(
                    config,
                    secrets,
                    database,
                    storage,
                    scheduler,
                    shared.tasks(),
                    http,
                    port,
                    baseUrl,
                    modules.syncProgress(),
                    modules.feeds());
        } catch (RuntimeException e) {
            database.close();
            storage.close();
            throw e;
        }
    }

    /** What the feature modules give the program: their HTTP routes, their durable tasks, the bench's view. */
    private record Modules(
            List<RouteModule> routes, List<Task<?>> tasks, SyncProgress syncProgress, AutoCloseable feeds) {}

    /**
     * Every feature module, each built by its own {@code create} from what it needs. The order is the order
     * of need: mail (crew queues emails), the three services the saga drives, then bookings, whose reader
     * the workflow is built from, and whose routes take the workflow's scheduler and status.
     */
    private static Modules modules(Shared s, SiteStorage storage, LocalUploads localUploads, Hooks hooks) {
        AppConfig config = s.config();
        // The operator's contact, read where it is shown: the console's settings, over the environment's.
        OperatorSettings operatorContact = ConsoleModule.operatorSettings(
                s.jdbi(), s.audit(), config.mail().operatorContact(), s.clock());
        MailModule mail = MailModule.create(new MailModule.Deps(
                s.jdbi(),
                s.tasks(),
                s.templates(),
                s.linkTokens(),
                config.mail().smtp(),
                config.dataDir().resolve("mail"),
                config.mail().from(),
                s.baseUrl().getHost(),
                s.clock(),
                s.metrics()));
        CalendarModule calendar = CalendarModule.create(new CalendarModule.Deps(
                s.jdbi(),
                s.json(),
                config.marinaZone(),
                s.audit(),
                s.linkTokens(),
                s.operator(),
                s.bodies(),
                s.baseUrl().getHost(),
                s.clock()));
        GuestPageModule guestPages = GuestPageModule.create(new GuestPageModule.Deps(
                s.jdbi(),
                s.json(),
                s.templates(),
                s.tasks(),
                s.audit(),
                s.random(),
                s.linkTokens(),
                storage.blobs(),
                storage.cdn(),
                // The program's own upload route stands in for the bucket only when blobs are local files.
                config.storage().url().isEmpty() ? Optional.of(localUploads) : Optional.empty(),
                s.baseUrl(),
                s.operator(),
                s.bodies(),
                s.limiter(config.http().linkLimits().uploadsPerAddress()),
                s.clientAddress(),
                s.clock(),
                hooks.guestPageWritten(),
                mail.outbox(),
                mail.renderer(),
                operatorContact));
        CrewModule crew = CrewModule.create(new CrewModule.Deps(
                s.jdbi(),
                s.audit(),
                mail.outbox(),
                mail.renderer(),
                s.tasks(),
                s.linkTokens(),
                s.templates(),
                s.bodies(),
                s.operator(),
                s.service(),
                s.baseUrl(),
                operatorContact,
                config.marinaZone(),
                s.limiter(config.http().linkLimits().perLink()),
                s.limiter(config.http().linkLimits().perAddress()),
                s.clientAddress(),
                s.clock()));
        BookingModule bookings = BookingModule.create(new BookingModule.Deps(
                s.jdbi(),
                s.json(),
                s.audit(),
                CrewDirectory.of(crew::unknownMembers, crew::inactiveMembers),
                guestPages::boatName,
                s.operator(),
                s.bodies(),
                config.marinaZone(),
                s.clock()));
        WorkflowModule workflow = WorkflowModule.create(new WorkflowModule.Deps(
                s.jdbi(),
                bookings.reader(),
                calendar.port(),
                crew.port(),
                guestPages.port(),
                mail.outboxView(),
                s.tasks(),
                s.metrics(),
                s.clock(),
                config.unansweredAlert(),
                hooks.afterStep(),
                s.audit(),
                FeedModule.flags(s.jdbi())));
        BookingDesk desk =
                bookings.desk(workflow.scheduler(), workflow.status(), workflow.progress()::bookingsWithFailedRuns);
        FeedModule feeds = FeedModule.create(new FeedModule.Deps(
                s.jdbi(),
                desk,
                calendar.port(),
                boat -> guestPages.boat(boat).map(b -> new FeedModule.Boat(b.name(), b.meetingPoint())),
                s.operator(),
                s.bodies(),
                s.tasks(),
                s.audit(),
                config.marinaZone(),
                config.feedAllowPrivateAddresses(),
                s.clock()));
        ConsoleModule console = ConsoleModule.create(new ConsoleModule.Deps(
                s.jdbi(),
                s.audit(),
                s.templates(),
                s.linkTokens(),
                s.random(),
                s.baseUrl(),
                s.clientAddress(),
                s.clock(),
                desk,
                crew.port(),
                config.mail().smtp().isEmpty(),
                crew.roster(),
                guestPages,
                operatorContact,
                CalendarModule.feedTokens(s.jdbi(), s.linkTokens(), s.audit()),
                config.marinaZone(),
                workflow.retry(),
                mail.failedEmails(),
                crew,
                s.json(),
                crew::rosterNames,
                mail.mailbox(),
                feeds.feeds()));

        IdempotencyModule idempotency =
                IdempotencyModule.create(new IdempotencyModule.Deps(s.jdbi(), s.operator(), s.clock()));
        WebhookModule webhooks = WebhookModule.create(
                new WebhookModule.Deps(s.jdbi(), s.json(), s.bodies(), desk, WebhookSecrets.live(config), s.clock()));

        List<RouteModule> routes = new ArrayList<>();
        routes.add(new OpsRoutes(s.database()::ready, s.metrics()));
        routes.addAll(idempotency.routes());
        routes.addAll(bookings.routes(desk, idempotency::idempotent));
        routes.addAll(workflow.routes(s.operator(), desk));
        routes.addAll(calendar.routes());
        routes.addAll(crew.routes());
        routes.addAll(guestPages.routes());
        routes.add(new SiteRoutes(storage.blobs(), guestPages.securityHeaders()));
        routes.addAll(console.routes());
        routes.addAll(webhooks.routes());
        routes.addAll(feeds.routes());
        List<Task<?>> tasks = new ArrayList<>(workflow.tasks());
        tasks.addAll(mail.tasks());
        tasks.addAll(crew.tasks());
        tasks.addAll(guestPages.tasks());
        tasks.addAll(feeds.tasks());
        return new Modules(routes, tasks, workflow.progress(), feeds);
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

    /** Fails when something listens on {@code port} (0: any free port, nothing to check). */
    static void requirePortFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As Jetty binds: on every address, a port left in TIME_WAIT by an earlier run counting as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new ConfigException(portInUse(port));
        }
    }

    private static String portInUse(int port) {
        return "port " + port + " is in use: stop what uses it, or pass --port N (or set PORT)";
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
        stopping("feed fetcher", () -> {
            try {
                feeds.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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
