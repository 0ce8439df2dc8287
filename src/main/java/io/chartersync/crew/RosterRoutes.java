package io.chartersync.crew;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * The crew roster: {@code PUT /api/crew/{id}} ({@link MemberParser}'s rules) and {@code GET /api/crew} (each
 * member with {@code active}: false once deactivated in the console). Operator token required.
 */
final class RosterRoutes implements RouteModule {
    private final Guard operator;
    private final JsonBodies bodies;
    private final RosterStore roster;

    RosterRoutes(Guard operator, JsonBodies bodies, RosterStore roster) {
        this.operator = operator;
        this.bodies = bodies;
        this.roster = roster;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.put("/api/crew/{id}", operator.protect(this::put));
        routes.get("/api/crew", operator.protect(ctx -> ctx.json(Map.of("crew", roster.findAll()))));
    }

    private void put(Context ctx) {
        String id = ctx.pathParam("id");
        if (!MemberParser.isId(id)) {
            throw AppException.InvalidInput.of("id", MemberParser.idProblem());
        }
        CrewMember member = MemberParser.parse(id, bodies.object(ctx));
        RosterStore.Saved saved = roster.upsert(member, "operator");
        ctx.status(saved.created() ? 201 : 200).json(saved.member());
    }
}
