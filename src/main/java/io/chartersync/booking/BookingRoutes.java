package io.chartersync.booking;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final ZoneId marinaZone;

    /** How many candidates the state and attention filters look at per query. */
    private static final int CHUNK = 200;

    BookingRoutes(
            Guard operator,
            JsonBodies bodies,
            BookingParser parser,
            BookingIntake intake,
            BookingStore store,
            StatusProvider status,
            ZoneId marinaZone) {
        this.operator = operator;
        this.bodies = bodies;
        this.parser = parser;
        this.intake = intake;
        this.store = store;
        this.status = status;
        this.marinaZone = marinaZone;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/bookings", operator.protect(this::submit));
        routes.get("/api/bookings", operator.protect(this::list));
        routes.get("/api/bookings/by-external/{source}/{external_id}", operator.protect(this::byExternal));
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

    /**
     * A page of bookings, newest first, with {@code next}: the cursor of the next page (the last booking's
     * id), or null on the last page. Filters on the body are the store's; the state and attention filters
     * look at each candidate's status, a chunk of candidates at a time.
     */
    private void list(Context ctx) {
        BookingQuery query = BookingQuery.parse(ctx.queryParamMap(), marinaZone);
        query.after().ifPresent(after -> {
            if (!store.exists(after)) {
                throw AppException.InvalidInput.of("after", "no booking has the id " + after);
            }
        });
        List<BookingStatus> page = new ArrayList<>();
        Optional<UUID> cursor = query.after();
        int chunk = query.byStatus() ? Math.max(CHUNK, query.limit() + 1) : query.limit() + 1;
        while (page.size() <= query.limit()) {
            List<StoredBooking> candidates = store.list(query, cursor, chunk);
            for (StoredBooking b : candidates) {
                BookingStatus s = status.statusOf(b);
                if (matches(query, s)) {
                    page.add(s);
                    if (page.size() > query.limit()) {
                        break;
                    }
                }
            }
            if (candidates.size() < chunk) {
                break;
            }
            cursor = Optional.of(candidates.getLast().id());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        boolean more = page.size() > query.limit();
        List<BookingStatus> shown = more ? page.subList(0, query.limit()) : page;
        answer.put("bookings", shown);
        answer.put("next", more ? shown.getLast().id().toString() : null);
        ctx.json(answer);
    }

    private static boolean matches(BookingQuery query, BookingStatus s) {
        return (!query.attention() || s.needsAttention())
                && query.state().map(state -> state == s.state()).orElse(true);
    }

    /** {@code GET /api/bookings/by-external/{source}/{external_id}}: the status of the booking with that natural key. */
    private void byExternal(Context ctx) {
        String unknown = ctx.queryParamMap().keySet().stream().findFirst().orElse(null);
        if (unknown != null) {
            throw AppException.InvalidInput.of(unknown, "is not a parameter of this route (it takes none)");
        }
        String source = ctx.pathParam("source");
        String externalId = ctx.pathParam("external_id");
        StoredBooking booking = store.findByExternal(source, externalId)
                .orElseThrow(() -> new AppException.NotFound("booking", source + "/" + externalId));
        ctx.json(status.statusOf(booking));
    }

    private BookingStatus statusOf(UUID id) {
        return status.statusOf(
                store.findCurrent(id).orElseThrow(() -> new AppException.NotFound("booking", id.toString())));
    }

    private static UUID id(Context ctx) {
        return Params.id(ctx, "booking");
    }
}
