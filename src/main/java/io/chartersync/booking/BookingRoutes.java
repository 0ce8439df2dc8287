package io.chartersync.booking;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The intake contract: {@code /api/bookings}. Operator token required. */
final class BookingRoutes implements RouteModule {
    /** Who acts through these routes, for the audit log: whoever holds the operator token. */
    private static final String ACTOR = "operator";

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Guard operator;
    private final JsonBodies bodies;
    private final BookingDesk desk;
    private final UnaryOperator<Handler> idempotent;

    /** {@code idempotent} wraps the three writes so they honour {@code Idempotency-Key} (inside the guard). */
    BookingRoutes(Guard operator, JsonBodies bodies, BookingDesk desk, UnaryOperator<Handler> idempotent) {
        this.operator = operator;
        this.bodies = bodies;
        this.desk = desk;
        this.idempotent = idempotent;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/bookings", operator.protect(idempotent.apply(this::submit)));
        routes.get("/api/bookings", operator.protect(this::list));
        routes.get("/api/bookings/by-external/{source}/{external_id}", operator.protect(this::byExternal));
        routes.get("/api/bookings/{id}", operator.protect(ctx -> ctx.json(statusOf(id(ctx)))));
        routes.post("/api/bookings/{id}/cancel", operator.protect(idempotent.apply(this::cancel)));
        routes.patch("/api/bookings/{id}", operator.protect(idempotent.apply(this::patch)));
    }

    private void submit(Context ctx) {
        Booking booking = desk.parse(bodies.object(ctx));
        Saved result = desk.submit(booking, ACTOR);
        ctx.header("Location", "/api/bookings/" + result.id());
        ctx.status(result.outcome() == Saved.Outcome.CREATED ? 201 : 200).json(statusOf(result.id()));
    }

    /** A JSON merge patch (RFC 7396) of the current version's body: only what it names changes. */
    private void patch(Context ctx) {
        requireMergePatch(ctx.header("Content-Type"));
        UUID id = id(ctx);
        Saved result = desk.patch(id, bodies.object(ctx), ACTOR);
        ctx.json(statusOf(result.id()));
    }

    /** PATCH takes {@code application/merge-patch+json} only (UTF-8): any other type would mean other semantics. */
    private static void requireMergePatch(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!type.equalsIgnoreCase(MERGE_PATCH)) {
            throw new HttpResponseException(
                    415,
                    "PATCH takes a JSON merge patch (RFC 7396): send Content-Type: " + MERGE_PATCH + ", not '"
                            + (type.length() > 80 ? type.substring(0, 80) + "…" : type) + "'.");
        }
    }

    private void cancel(Context ctx) {
        Saved result = desk.cancel(id(ctx), ACTOR);
        ctx.json(statusOf(result.id()));
    }

    /**
     * A page of bookings, newest first, with {@code next}: the cursor of the next page (the last booking's
     * id), or null on the last page.
     */
    private void list(Context ctx) {
        BookingDesk.Listing listing = desk.list(ctx.queryParamMap());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bookings", listing.bookings());
        answer.put("next", listing.next().map(UUID::toString).orElse(null));
        ctx.json(answer);
    }

    /** {@code GET /api/bookings/by-external/{source}/{external_id}}: the status of the booking with that natural key. */
    private void byExternal(Context ctx) {
        String unknown = ctx.queryParamMap().keySet().stream().findFirst().orElse(null);
        if (unknown != null) {
            throw AppException.InvalidInput.of(unknown, "is not a parameter of this route (it takes none)");
        }
        String source = ctx.pathParam("source");
        String externalId = ctx.pathParam("external_id");
        ctx.json(desk.findByExternal(source, externalId)
                .orElseThrow(() -> new AppException.NotFound("booking", source + "/" + externalId)));
    }

    private BookingStatus statusOf(UUID id) {
        return desk.status(id);
    }

    private static UUID id(Context ctx) {
        return Params.id(ctx, "booking");
    }
}
