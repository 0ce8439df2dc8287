package io.chartersync.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
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
    private final Map<String, String> env;
    private TestApp app;
    private Bookings bookings;
    private Mailbox mailbox;

    public RunningApp() {
        this(false, Map.of());
    }

    private RunningApp(boolean roster, Map<String, String> env) {
        this.roster = roster;
        this.env = Map.copyOf(env);
    }

    /** The same, also loading the example roster before each test (after the database is emptied). */
    public RunningApp withRoster() {
        return new RunningApp(true, env);
    }

    /** The same, started with these settings on top of {@link TestApp#environment}. */
    public RunningApp withEnvironment(Map<String, String> settings) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(settings);
        return new RunningApp(roster, merged);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase.reset();
        app = TestApp.start(env);
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
        // Each test starts at real time again; nothing planned under the moved clock survives the reset.
        app.clock().reset();
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

    /** The program's clock, moved forward by tests that need time to pass; back to real time before each test. */
    public MovableClock clock() {
        return testApp().clock();
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
