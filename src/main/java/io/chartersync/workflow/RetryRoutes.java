package io.chartersync.workflow;

import io.chartersync.booking.BookingDesk;
import io.chartersync.web.Guard;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.UUID;

/**
 * {@code POST /api/bookings/{id}/retry} (operator token): retries a failed or stuck sync and answers 202 with
 * the status document; 409 problem+json when there is nothing to retry, 404 for no such booking.
 */
final class RetryRoutes implements RouteModule {
    /** Who acts through the operator API, for the audit log (as the intake's routes). */
    private static final String ACTOR = "operator";

    private final Guard operator;
    private final SyncRetry retry;
    private final BookingDesk desk;

    RetryRoutes(Guard operator, SyncRetry retry, BookingDesk desk) {
        this.operator = operator;
        this.retry = retry;
        this.desk = desk;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/bookings/{id}/retry", operator.protect(this::retry));
    }

    private void retry(Context ctx) {
        UUID id = Params.id(ctx, "booking");
        retry.retry(id, ACTOR);
        ctx.status(202).json(desk.status(id));
    }
}
