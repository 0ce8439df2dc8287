package io.chartersync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, driven by Playwright, one per test class, for browser tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 *
 * <p>Playwright never downloads a browser here: it launches {@code /usr/bin/chromium} (apt package
 * {@code chromium}, which {@code ./run-tests} installs when it is missing). Without it the tests fail, naming
 * the package; they are never skipped. The phone contexts opened during a test are closed after it.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where the tests save what a person would have seen. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36";
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");
    /** Reports every CSP violation to the console too (the devtools protocol injects it, so CSP allows it). */
    private static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
            });""";

    private final List<BrowserContext> open = new ArrayList<>();
    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the browser tests need Debian's Chromium. Install it with"
                    + " `apt-get install chromium` (./run-tests does that by itself when it may).");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(BrowserContext::close);
        open.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A phone (390 × 844 CSS pixels at 3×, touch, a mobile user agent) with JavaScript on. */
    public BrowserContext phone() {
        return phone(true);
    }

    /** The same phone with JavaScript off: what the pages must still do with plain HTML. */
    public BrowserContext phoneWithoutJavaScript() {
        return phone(false);
    }

    /** A desktop window (1280 × 800 CSS pixels, mouse, no touch), with or without JavaScript. */
    public BrowserContext desktop(boolean javaScript) {
        if (chromium == null) {
            throw new IllegalStateException("no browser (register Browser as a static extension)");
        }
        BrowserContext desktop = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setLocale("en-US")
                .setJavaScriptEnabled(javaScript));
        desktop.addInitScript(REPORT_CSP_VIOLATIONS);
        open.add(desktop);
        return desktop;
    }

    private BrowserContext phone(boolean javaScript) {
        if (chromium == null) {
            throw new IllegalStateException("no browser (register Browser as a static extension)");
        }
        BrowserContext phone = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true)
                .setUserAgent(PHONE_USER_AGENT)
                .setLocale("en-US")
                .setJavaScriptEnabled(javaScript));
        phone.addInitScript(REPORT_CSP_VIOLATIONS);
        open.add(phone);
        return phone;
    }

    /**
     * Every problem the page reports from now on: console errors (a refused inline script or any other CSP
     * violation among them) and uncaught script errors. A live list: read it at the end of the test. The
     * browser's own request for {@code /favicon.ico} (the program has none: 404) is not the page's problem.
     */
    public static List<String> problems(Page page) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            boolean favicon = m.location().matches("https?://[^/]+/favicon\\.ico(:.*)?");
            if (!favicon && (m.type().equals("error") || m.text().contains("Content Security Policy"))) {
                problems.add("console " + m.type() + ": " + m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        return problems;
    }

    /**
     * What the small accessibility checker {@code src/test/resources/a11y-check.js} finds in the page as it
     * is now, one sentence per violation naming the element; empty when the page passes.
     */
    public static List<String> accessibilityViolations(Page page) {
        try (InputStream in = Objects.requireNonNull(
                Browser.class.getResourceAsStream("/a11y-check.js"), "a11y-check.js on the test classpath")) {
            List<?> found = (List<?>) page.evaluate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return found.stream().map(String::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page fits the device's width: nothing sticks out sideways (no horizontal scrolling). Measured against
     * the viewport set for the context, not {@code window.innerWidth} alone: on a phone (a mobile viewport) a
     * page wider than the screen widens the layout viewport, and {@code innerWidth} grows with it.
     */
    public static void assertNoHorizontalScroll(Page page) {
        List<?> widths = (List<?>) page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        int device = page.viewportSize().width;
        assertThat(Math.max(((Number) widths.get(0)).intValue(), ((Number) widths.get(1)).intValue()))
                .as(
                        "page width (scrollWidth %s, innerWidth %s) on a %s px wide screen",
                        widths.get(0), widths.get(1), device)
                .isLessThanOrEqualTo(device);
    }

    /** Saves the whole page as {@code target/screenshots/<name>}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
