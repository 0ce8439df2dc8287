package io.chartersync.guestpage;

import io.chartersync.common.BoatNames;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each boat's guests should bring and where they meet it: {@code PUT /api/boats/{boat}} with {@code
 * {"what_to_bring": […], "meeting_point": …, "map_url": …}} ({@link BoatRules}) and {@code GET /api/boats/{boat}}. Operator token required. A boat is named as {@link BoatNames} says ({@code
 * "Jada "} is {@code JADA}); the name in the path of a PUT becomes the boat's display name.
 */
final class BoatRoutes implements RouteModule {
    private final Guard operator;
    private final JsonBodies bodies;
    private final BoatProfiles boats;

    BoatRoutes(Guard operator, JsonBodies bodies, BoatProfiles boats) {
        this.operator = operator;
        this.bodies = bodies;
        this.boats = boats;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/boats/{boat}", operator.protect(ctx -> {
            String boat = BoatRules.boat(ctx.pathParam("boat"));
            ctx.json(profile(
                    boats.displayName(boat),
                    boats.whatToBring(boat),
                    boats.profile(boat)
                            .orElse(new GuestPageModule.Boat(
                                    boat, List.of(), false, Optional.empty(), Optional.empty()))));
        }));
        routes.put("/api/boats/{boat}", operator.protect(this::put));
    }

    private void put(Context ctx) {
        String boat = BoatRules.boat(ctx.pathParam("boat"));
        BoatStore.Changes changes = BoatRules.parse(boat, boat, bodies.object(ctx));
        int republished = boats.save(boat, changes, "boat.what-to-bring.updated", "operator");
        GuestPageModule.Boat saved = boats.profile(boat).orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("boat", BoatNames.display(boat));
        answer.put("what_to_bring", changes.whatToBring().orElseThrow());
        answer.put("meeting_point", saved.meetingPoint().orElse(null));
        answer.put("map_url", saved.mapUrl().orElse(null));
        answer.put("pages_republished", republished);
        ctx.json(answer);
    }

    private static Map<String, Object> profile(String boat, List<String> items, GuestPageModule.Boat saved) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("boat", boat);
        answer.put("what_to_bring", items);
        answer.put("meeting_point", saved.meetingPoint().orElse(null));
        answer.put("map_url", saved.mapUrl().orElse(null));
        return answer;
    }
}
