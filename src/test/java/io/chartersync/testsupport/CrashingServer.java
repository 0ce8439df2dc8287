package io.chartersync.testsupport;

import io.chartersync.app.AppConfig;
import io.chartersync.app.Application;
import io.chartersync.app.Hooks;
import io.chartersync.workflow.SyncStep;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The server, configured from the environment like the real program, that dies like {@code kill -9}
 * ({@code Runtime.halt}: no shutdown hook, PostgreSQL left orphaned) right after the sync step named by
 * {@code CRASH_AFTER_STEP} is checkpointed, or at {@link #GUEST_PAGE_WRITTEN}. Prints {@code READY <base url>} once it serves.
 */
public final class CrashingServer {
    /** The exit code of a process killed by SIGKILL. */
    public static final int KILLED = 137;
    /**
     * {@code CRASH_AFTER_STEP} value that dies inside the guest-page step: right after the page object is
     * written, before the transaction that records it commits.
     */
    public static final String GUEST_PAGE_WRITTEN = "guest-page-written";

    private CrashingServer() {}

    public static void main(String[] args) throws InterruptedException {
        Optional<String> crashAfter =
                Optional.ofNullable(System.getenv("CRASH_AFTER_STEP")).filter(s -> !s.isBlank());
        Consumer<SyncStep> afterStep =
                step -> crashAfter.filter(step.key()::equals).ifPresent(s -> crash("after step " + step.key()));
        Runnable pageWritten = () ->
                crashAfter.filter(GUEST_PAGE_WRITTEN::equals).ifPresent(s -> crash("after " + GUEST_PAGE_WRITTEN));
        Application app = Application.start(
                AppConfig.from(System.getenv(), Map.of()), Clock.systemUTC(), new Hooks(afterStep, pageWritten));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        System.out.println("READY " + app.baseUrl());
        stopped.await();
    }

    private static void crash(String where) {
        System.out.println("CRASHING " + where);
        // Let the intake's HTTP answer that scheduled this sync reach the test first; the saga stays
        // exactly here, between the checkpoint of this step and the start of the next.
        pause();
        Runtime.getRuntime().halt(KILLED);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
