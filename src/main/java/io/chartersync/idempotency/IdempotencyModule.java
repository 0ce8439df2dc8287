package io.chartersync.idempotency;

import io.chartersync.web.Guard;
import io.chartersync.web.RouteModule;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency keys (DESIGN.md, "Idempotency keys"): a write wrapped by {@link #idempotent} and sent with an
 * {@code Idempotency-Key} header runs once per key and credential within 24 h; the same request again is
 * answered the first answer (status, body byte for byte, Location) with {@code Idempotent-Replayed: true}; the
 * key with another request is a 422; while the first still runs, a 409 with {@code Retry-After: 1}. Only
 * final answers are kept (2xx, 4xx); after a 5xx or a crash the key may be sent again.
 */
public final class IdempotencyModule {
    /**
     * {@code credential} is the guard that protects the wrapped routes: keys are kept per credential it
     * accepts (never the credential itself); {@code clock} ages the keys.
     */
    public record Deps(Jdbi jdbi, Guard credential, Clock clock) {}

    private final Idempotent idempotent;

    private IdempotencyModule(Idempotent idempotent) {
        this.idempotent = idempotent;
    }

    public static IdempotencyModule create(Deps deps) {
        return new IdempotencyModule(
                new Idempotent(new IdempotencyStore(deps.jdbi()), deps.credential(), deps.clock()));
    }

    /** {@code handler} honouring Idempotency-Key; wrap it inside the credential's guard, which must run first. */
    public Handler idempotent(Handler handler) {
        return idempotent.wrap(handler);
    }

    /** Keeps the answers of the wrapped routes (an {@code after} handler); must be served with them. */
    public List<RouteModule> routes() {
        return List.of(idempotent::register);
    }
}
