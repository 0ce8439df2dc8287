package io.chartersync.crew;

import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** The seed crew API ("ShipCaptainCrew"): {@code /events}, guarded by the crew-service key. */
final class EventRoutes implements RouteModule {
    private final Guard service;
    private final JsonBodies bodies;
    private final CrewService crew;
    private final EventParser parser;
    private final ZoneId marinaZone;

    EventRoutes(Guard service, JsonBodies bodies, CrewService crew, EventParser parser, ZoneId marinaZone) {
        this.service = service;
        this.bodies = bodies;
        this.crew = crew;
        this.parser = parser;
        this.marinaZone = marinaZone;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/events", service.protect(this::create));
        routes.get("/events", service.protect(this::range));
        routes.get("/events/{id}", service.protect(ctx -> ctx.json(crew.event(Params.id(ctx, "crew event")))));
        routes.put("/events/{id}", service.protect(this::update));
        routes.post(
                "/events/{id}/cancel",
                service.protect(ctx -> ctx.json(crew.cancelEvent(Params.id(ctx, "crew event")))));
    }

    /** The seed body again, whole: time, place, notes and crew replaced; members told what changed. */
    private void update(Context ctx) {
        UUID id = Params.id(ctx, "crew event");
        EventParser.Parsed parsed = parser.parse(bodies.object(ctx));
        ctx.json(crew.updateEvent(id, parsed.event(), parsed.crew()));
    }

    private void create(Context ctx) {
        EventParser.Parsed parsed = parser.parse(bodies.object(ctx));
        UUID id = crew.createEvent(parsed.event(), parsed.crew());
        ctx.header("Location", "/events/" + id).status(201).json(Map.of("event_id", id.toString()));
    }

    private void range(Context ctx) {
        Params.DateRange range = Params.dateRange(ctx);
        ctx.json(Map.of(
                "events",
                crew.eventsBetween(
                        range.from().atStartOfDay(marinaZone).toInstant(),
                        range.to().plusDays(1).atStartOfDay(marinaZone).toInstant())));
    }
}
