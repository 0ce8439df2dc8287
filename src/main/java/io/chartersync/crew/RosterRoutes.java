package io.chartersync.crew;

import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.chartersync.common.JsonFields;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The crew roster: {@code PUT /api/crew/{id}} and {@code GET /api/crew}. Operator token required. */
final class RosterRoutes implements RouteModule {
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{5,30}$");
    /** A member's roles: a handful, each a short name. */
    private static final int MAX_ROLES = 10;

    private static final int MAX_ROLE_LENGTH = 40;
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
        if (!ID.matcher(id).matches()) {
            throw AppException.InvalidInput.of("id", "must be lowercase letters, digits, '-' or '_' (e.g. crew-1)");
        }
        JsonFields f = new JsonFields(bodies.object(ctx));
        String name = f.text("name", true).orElse("");
        String email = f.email("email", true).orElse("");
        List<String> roles = new ArrayList<>();
        var node = f.node("roles");
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                f.error("roles", "must be an array of role names");
            } else if (node.size() > MAX_ROLES) {
                f.error("roles", "holds at most " + MAX_ROLES + " roles");
            } else {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isTextual()
                            || node.get(i).asText().isBlank()
                            || node.get(i).asText().strip().length() > MAX_ROLE_LENGTH
                            || Characters.hasLineBreak(node.get(i).asText())) {
                        f.error(
                                "roles[" + i + "]",
                                "must be a role name of at most " + MAX_ROLE_LENGTH
                                        + " characters such as captain or crew");
                    } else {
                        roles.add(node.get(i).asText().strip());
                    }
                }
            }
        }
        Optional<String> phone = f.text("phone", false);
        phone.filter(p -> !PHONE.matcher(p).matches())
                .ifPresent(p ->
                        f.error("phone", "must be a phone number: digits, spaces, + - ( ) . (e.g. +1 619 555 0100)"));
        f.throwIfAny();
        CrewMember member = new CrewMember(id, name, email, roles, phone);
        boolean created = roster.upsert(member, "operator");
        ctx.status(created ? 201 : 200).json(member);
    }
}
