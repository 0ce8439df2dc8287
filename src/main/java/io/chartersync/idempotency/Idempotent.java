package io.chartersync.idempotency;

import io.chartersync.web.Guard;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write at most once per Idempotency-Key: the key is claimed before the handler runs; a final answer
 * (2xx, 4xx) is kept after it; the same request under the same key is answered that again. The answer is
 * taken in an {@code after} handler, so an error thrown by the handler is kept exactly as the program's
 * one problem+json mapping (web/Problems) wrote it.
 */
final class Idempotent {
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(Idempotent.class);
    private static final String CLAIM = Idempotent.class.getName() + ".claim";
    /** How often this node forgets expired keys (on the next keyed request after this long). */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final IdempotencyStore store;
    private final Guard credential;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    Idempotent(IdempotencyStore store, Guard credential, Clock clock) {
        this.store = store;
        this.credential = credential;
        this.clock = clock;
    }

    /** {@code handler} with Idempotency-Key honoured; without the header it runs as it is. */
    Handler wrap(Handler handler) {
        return ctx -> {
            List<String> values = Collections.list(ctx.req().getHeaders(IdempotencyKeys.HEADER));
            if (values.isEmpty()) {
                handler.handle(ctx);
                return;
            }
            String key = IdempotencyKeys.check(values);
            String scope = credential
                    .credentialScope(ctx)
                    .orElseThrow(() -> new IllegalStateException("idempotency needs the guard to run first"));
            String request = IdempotencyKeys.fingerprint(ctx.method().name(), ctx.path(), ctx.bodyAsBytes());
            Instant now = clock.instant();
            sweepIfDue(now);
            switch (store.claim(scope, key, request, now)) {
                case Claim.Reserved reserved -> {
                    ctx.attribute(CLAIM, reserved);
                    handler.handle(ctx);
                }
                case Claim.Replay replay -> replay(ctx, replay.answer());
                case Claim.Mismatch mismatch ->
                    throw new HttpResponseException(
                            422,
                            "This Idempotency-Key was used with a different request (another body, method or"
                                    + " path); use a new key for a new request.");
                case Claim.InProgress inProgress -> {
                    ctx.header("Retry-After", "1");
                    throw new HttpResponseException(
                            409,
                            "A request with this Idempotency-Key is still in progress; send it again in a moment"
                                    + " to get its answer.");
                }
            }
        };
    }

    /** The {@code after} handler that keeps (or gives back) the claim of a request that ran. */
    void register(JavalinDefaultRoutingApi routes) {
        routes.after(this::finish);
    }

    private void finish(Context ctx) throws IOException {
        Claim.Reserved reserved = ctx.attribute(CLAIM);
        if (reserved == null) {
            return;
        }
        int status = ctx.statusCode();
        try {
            if (isFinal(status)) {
                InputStream result = ctx.resultInputStream();
                byte[] body = result == null ? new byte[0] : result.readAllBytes();
                ctx.result(body);
                store.complete(
                        reserved,
                        new Claim.Answer(
                                status,
                                ctx.res().getContentType(),
                                ctx.res().getHeader("Location"),
                                body,
                                clock.instant()));
            } else {
                store.release(reserved);
            }
        } catch (RuntimeException e) {
            // The answer stands (the write happened); the claim stays reserved and is taken over after
            // IdempotencyStore.LEASE. No key and no body in the log.
            // Only the failure's class: a statement's message may carry what was bound (the body).
            log.warn(
                    "Could not keep the answer of a request with an Idempotency-Key (status {}): {}",
                    status,
                    e.getClass().getName());
        }
    }

    /**
     * A final answer is kept: 2xx, and 4xx (the request was refused for what it is; sending it again gets
     * the same refusal). A 5xx is not (the key may be sent again), nor 499 (the client went away).
     */
    static boolean isFinal(int status) {
        return (status >= 200 && status < 300) || (status >= 400 && status < 499);
    }

    private static void replay(Context ctx, Claim.Answer answer) {
        ctx.status(answer.status());
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        if (answer.location() != null) {
            ctx.header("Location", answer.location());
        }
        ctx.header(REPLAYED, "true");
        ctx.result(answer.body());
    }

    private void sweepIfDue(Instant now) {
        Instant last = lastSweep.get();
        boolean due = now.isAfter(last.plus(SWEEP_EVERY)) || now.isBefore(last);
        if (due && lastSweep.compareAndSet(last, now)) {
            store.sweep(now);
        }
    }
}
