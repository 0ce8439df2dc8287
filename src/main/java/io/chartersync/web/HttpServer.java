package io.chartersync.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** The HTTP server: Javalin on virtual threads, 1 MiB body limit, problem+json errors, every route module. */
public final class HttpServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Oversized bodies up to this size are read and dropped before the 413, so clients get the answer. */
    private static final long DRAINED_BODY_BYTES = 32 * 1024 * 1024;

    /** How long a stop waits for the requests in flight. */
    public static final Duration DRAIN = Duration.ofSeconds(10);

    /**
     * How long no request may be in flight before the port closes: a connection accepted but not read yet
     * gets its 503 meanwhile.
     */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final GracefulHandler graceful = new GracefulHandler();
    private volatile boolean draining;
    private final Javalin app;
    private final Map<Pattern, Long> bodyLimits = new LinkedHashMap<>();

    public HttpServer(ObjectMapper json, MeterRegistry metrics, List<RouteModule> modules) {
        Problems problems = new Problems(json);
        modules.forEach(m -> bodyLimits.putAll(m.bodyLimits()));
        long largest =
                bodyLimits.values().stream().mapToLong(Long::longValue).max().orElse(MAX_BODY_BYTES);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            config.jetty.multipartConfig.maxFileSize(largest, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(largest, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(json)));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors(json)));
            config.jetty.modifyServer(server -> {
                // Counts the requests in flight; when Jetty stops, it waits for them (up to DRAIN) before
                // it closes the connections.
                server.insertHandler(graceful);
                server.setStopTimeout(DRAIN.toMillis());
            });
            config.jsonMapper(new JavalinJackson(json, true));
            config.requestLogger.http((ctx, ms) -> Timer.builder("http_server_requests")
                    .tag("method", ctx.method().name())
                    .tag("route", route(ctx))
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .register(metrics)
                    .record(Duration.ofNanos((long) (ms * 1_000_000))));
            problems.register(config.routes);
            config.routes.before(this::refuseWhileDraining);
            config.routes.after(ctx -> {
                if (draining) {
                    ctx.header("Connection", "close");
                }
            });
            config.routes.before(this::refuseOversizedBody);
            modules.forEach(m -> m.register(config.routes));
        });
    }

    /** The matched route's pattern (for metrics and logs: it carries no token); {@code ctx.endpoint()} throws when no route matched (a 404). */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    /**
     * Refuses a declared body over the limit on every route, read or not; a chunked body without a length
     * is refused by Javalin when a handler reads past the limit.
     */
    private void refuseOversizedBody(Context ctx) throws IOException {
        long length = ctx.req().getContentLengthLong();
        long limit = limitFor(ctx.path());
        if (length > limit) {
            if (length <= DRAINED_BODY_BYTES) {
                // Read and drop the body first: a client still sending it would otherwise see the
                // connection close instead of this answer.
                ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            throw new HttpResponseException(
                    413,
                    limit == MAX_BODY_BYTES
                            ? "The request body is larger than the limit of 1 MiB."
                            : "The request body is larger than the limit of " + limit + " bytes.");
        }
    }

    private long limitFor(String path) {
        return bodyLimits.entrySet().stream()
                .filter(e -> e.getKey().matcher(path).matches())
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(MAX_BODY_BYTES);
    }

    /** Starts listening; {@code port} 0 picks a free port. Answers the port in use. */
    public int start(int port) {
        app.start(port);
        return app.port();
    }

    private void refuseWhileDraining(Context ctx) {
        if (draining) {
            ctx.header("Connection", "close");
            throw new HttpResponseException(503, "The server is stopping; try again in a moment.");
        }
    }

    /**
     * Stops without leaving a client unanswered: first every new request is answered 503 (problem+json,
     * {@code Connection: close}) while the requests in flight finish, up to {@link #DRAIN}; the port stays
     * open meanwhile, so a connection already made (queued, or sent but not read yet) gets that 503 instead
     * of a reset. Then Jetty stops: it closes the port (later connections are refused), waits for what is
     * still in flight within what is left of {@link #DRAIN}, and closes the connections.
     */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + DRAIN.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (graceful.getCurrentRequestCount() > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= SETTLE.toNanos()) {
                break;
            }
            sleep(Duration.ofMillis(20));
        }
        app.stop();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
