package io.chartersync.calendar;

import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/** The seed calendar API: {@code POST /calendar}, {@code GET /calendar/{id}}, {@code GET /calendar?from&to}. */
final class CalendarRoutes implements RouteModule {
    /** Who acts through these routes, for the audit log: whoever holds the operator token. */
    private static final String ACTOR = "operator";

    private final Guard operator;
    private final JsonBodies bodies;
    private final CalendarService calendar;
    private final EntryParser parser;

    CalendarRoutes(Guard operator, JsonBodies bodies, CalendarService calendar) {
        this.operator = operator;
        this.bodies = bodies;
        this.calendar = calendar;
        this.parser = new EntryParser(calendar.marinaZone());
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/calendar", operator.protect(this::create));
        routes.get("/calendar", operator.protect(this::range));
        routes.get("/calendar/{id}", operator.protect(ctx -> ctx.json(calendar.get(Params.id(ctx, "calendar entry")))));
        routes.put("/calendar/{id}", operator.protect(this::update));
        routes.delete("/calendar/{id}", operator.protect(this::cancel));
    }

    private void create(Context ctx) {
        UUID id = calendar.create(parser.parse(bodies.object(ctx)), ACTOR);
        ctx.header("Location", "/calendar/" + id).status(201).json(Map.of("id", id.toString()));
    }

    private void update(Context ctx) {
        UUID id = Params.id(ctx, "calendar entry");
        calendar.update(id, parser.parse(bodies.object(ctx)), ACTOR);
        ctx.json(calendar.get(id));
    }

    private void cancel(Context ctx) {
        UUID id = Params.id(ctx, "calendar entry");
        calendar.cancel(id, ACTOR);
        ctx.json(calendar.get(id));
    }

    private void range(Context ctx) {
        Params.DateRange range = Params.dateRange(ctx);
        ctx.json(Map.of("entries", calendar.between(range.from(), range.to())));
    }
}
