package io.chartersync.app;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: runs the program until Ctrl-C. */
@Command(name = "serve", description = "Run the server (embedded PostgreSQL unless DATABASE_URL is set).")
final class ServeCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        Application app = Application.start(options.config());
        Console.started(app);
        serveUntilStopped(app);
    }

    static void serveUntilStopped(Application app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
