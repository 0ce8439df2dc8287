package io.chartersync.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestApp} per test class, for integration tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningApp app = new RunningApp();
 * }</pre>
 *
 * <p>Before the class, empties the test database and starts the program; after it, stops the program. Before
 * each test, empties the database and the program's mail and site directories, and with {@link #withRoster()}
 * loads the example roster. A test class's own {@code @BeforeEach} methods run after that.
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final boolean roster;
    private final Map<String, String> environment;
    private TestApp app;
    private Bookings bookings;
    private Mailbox mailbox;

    public RunningApp() {
        this(false, Map.of());
    }

    private RunningApp(boolean roster, Map<String, String> environment) {
        this.roster = roster;
        this.environment = Map.copyOf(environment);
    }

    /** The same, also loading the example roster before each test (after the database is emptied). */
    public RunningApp withRoster() {
        return new RunningApp(true, environment);
    }

    /** The same, with these settings added to the program's environment ({@code SMTP_URL}, say). */
    public RunningApp withEnvironment(Map<String, String> settings) {
        return new RunningApp(roster, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase.reset();
        app = TestApp.start(environment);
        bookings = new Bookings(app);
        mailbox = new Mailbox(app.mailDir());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestDatabase.reset();
        Mailbox.clear(app.mailDir());
        Mailbox.clear(app.siteDir());
        if (roster) {
            Examples.loadRoster(app.http());
        }
    }

    /** The running program. */
    public TestApp testApp() {
        if (app == null) {
            throw new IllegalStateException("the app is not running (register RunningApp as a static extension)");
        }
        return app;
    }

    public TestHttp http() {
        return testApp().http();
    }

    public URI baseUrl() {
        return testApp().baseUrl();
    }

    public Path dataDir() {
        return testApp().dataDir();
    }

    public Path mailDir() {
        return testApp().mailDir();
    }

    public Path siteDir() {
        return testApp().siteDir();
    }

    /** Bookings submitted through this program's intake API. */
    public Bookings bookings() {
        testApp();
        return bookings;
    }

    /** The emails this program wrote. */
    public Mailbox mailbox() {
        testApp();
        return mailbox;
    }
}
