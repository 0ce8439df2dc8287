package io.chartersync.booking;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The intake contract: {@code /api/bookings}. Operator token required. */
final class BookingRoutes implements RouteModule {
    /** Who acts through these routes, for the audit log: whoever holds the operator token. */
    private static final String ACTOR = "operator";

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Guard operator;
    private final JsonBodies bodies;
    private final BookingParser parser;
    private final BookingIntake intake;
    private final BookingStore store;
    private final StatusProvider status;

    BookingRoutes(
            Guard operator,
            JsonBodies bodies,
            BookingParser parser,
            BookingIntake intake,
            BookingStore store,
            StatusProvider status) {
        this.operator = operator;
        this.bodies = bodies;
        this.parser = parser;
        this.intake = intake;
        this.store = store;
        this.status = status;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/bookings", operator.protect(this::submit));
        routes.get("/api/bookings", operator.protect(this::list));
        routes.get("/api/bookings/{id}", operator.protect(ctx -> ctx.json(statusOf(id(ctx)))));
        routes.post("/api/bookings/{id}/cancel", operator.protect(this::cancel));
        routes.patch("/api/bookings/{id}", operator.protect(this::patch));
    }

    private void submit(Context ctx) {
        Booking booking = parser.parse(bodies.object(ctx));
        BookingIntake.Result result = intake.submit(booking, ACTOR);
        ctx.header("Location", "/api/bookings/" + result.id());
        ctx.status(result.outcome() == BookingIntake.Outcome.CREATED ? 201 : 200)
                .json(statusOf(result.id()));
    }

    /** A JSON merge patch (RFC 7396) of the current version's body: only what it names changes. */
    private void patch(Context ctx) {
        requireMergePatch(ctx.header("Content-Type"));
        UUID id = id(ctx);
        BookingIntake.Result result = intake.patch(id, bodies.object(ctx), parser::parse, ACTOR);
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
        BookingIntake.Result result = intake.cancel(id(ctx), ACTOR);
        ctx.json(statusOf(result.id()));
    }

    private void list(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        Optional<UUID> after = Optional.ofNullable(ctx.queryParam("after")).map(a -> uuid("after", a));
        ctx.json(Map.of(
                "bookings",
                store.list(limit, after).stream().map(status::statusOf).toList()));
    }

    private BookingStatus statusOf(UUID id) {
        return status.statusOf(
                store.findCurrent(id).orElseThrow(() -> new AppException.NotFound("booking", id.toString())));
    }

    private static UUID id(Context ctx) {
        return Params.id(ctx, "booking");
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw AppException.InvalidInput.of(field, "'" + value + "' is not a booking id (a UUID)");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AppException.InvalidInput.of("limit", "must be a whole number from 1 to 500");
    }
}
