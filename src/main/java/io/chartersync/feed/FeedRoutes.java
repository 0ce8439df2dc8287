package io.chartersync.feed;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.UUID;

/**
 * The feeds API ({@code /api/feeds}), operator token required: add (201), list, one, poll now (the document
 * after the poll, 200 even when the poll failed: its {@code last_error} says why), delete (204; its bookings
 * stay).
 */
final class FeedRoutes implements RouteModule {
    /** Who acts through these routes, for the audit log: whoever holds the operator token. */
    private static final String ACTOR = "operator";

    private final Guard operator;
    private final JsonBodies bodies;
    private final Feeds feeds;

    FeedRoutes(Guard operator, JsonBodies bodies, Feeds feeds) {
        this.operator = operator;
        this.bodies = bodies;
        this.feeds = feeds;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/feeds", operator.protect(this::add));
        routes.get("/api/feeds", operator.protect(ctx -> ctx.json(Map.of("feeds", feeds.all()))));
        routes.get("/api/feeds/{id}", operator.protect(ctx -> ctx.json(find(id(ctx)))));
        routes.post("/api/feeds/{id}/poll", operator.protect(ctx -> ctx.json(feeds.poll(id(ctx)))));
        routes.delete("/api/feeds/{id}", operator.protect(this::delete));
    }

    private void add(Context ctx) {
        FeedView feed = feeds.add(bodies.object(ctx), ACTOR);
        ctx.header("Location", "/api/feeds/" + feed.id());
        ctx.status(201).json(feed);
    }

    private void delete(Context ctx) {
        feeds.delete(id(ctx), ACTOR);
        ctx.status(204);
    }

    private FeedView find(UUID id) {
        return feeds.find(id).orElseThrow(() -> new AppException.NotFound("feed", id.toString()));
    }

    private static UUID id(Context ctx) {
        return Params.id(ctx, "feed");
    }
}
