package io.chartersync.guestpage;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.JsonFields;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each boat's guests should bring: {@code PUT /api/boats/{boat}} with {@code {"what_to_bring": […]}}
 * and {@code GET /api/boats/{boat}}. Operator token required.
 */
public final class BoatRoutes implements RouteModule {
    private static final int MAX_ITEMS = 30;
    private static final int MAX_ITEM_LENGTH = 200;
    private final Guard operator;
    private final JsonBodies bodies;
    private final BoatProfiles boats;

    public BoatRoutes(Guard operator, JsonBodies bodies, BoatProfiles boats) {
        this.operator = operator;
        this.bodies = bodies;
        this.boats = boats;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(
                "/api/boats/{boat}",
                operator.protect(
                        ctx -> ctx.json(profile(ctx.pathParam("boat"), boats.whatToBring(ctx.pathParam("boat"))))));
        routes.put("/api/boats/{boat}", operator.protect(this::put));
    }

    private void put(Context ctx) {
        String boat = ctx.pathParam("boat");
        JsonFields f = new JsonFields(bodies.object(ctx));
        if (boat.isBlank() || boat.length() > 80) {
            f.error("boat", "must be a boat name of at most 80 characters");
        }
        List<String> items = new ArrayList<>();
        JsonNode list = f.node("what_to_bring");
        if (list == null || !list.isArray()) {
            f.error("what_to_bring", "is required: an array of short texts, e.g. [\"Sunscreen\", \"A light jacket\"]");
        } else if (list.size() > MAX_ITEMS) {
            f.error("what_to_bring", "holds at most " + MAX_ITEMS + " items");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isTextual()
                        || item.asText().isBlank()
                        || item.asText().length() > MAX_ITEM_LENGTH) {
                    f.error("what_to_bring[" + i + "]", "must be a text of 1 to " + MAX_ITEM_LENGTH + " characters");
                } else {
                    items.add(item.asText().strip());
                }
            }
        }
        f.throwIfAny();
        int republished = boats.saveWhatToBring(boat, items, "operator");
        ctx.json(Map.of("boat", boat, "what_to_bring", items, "pages_republished", republished));
    }

    private static Map<String, Object> profile(String boat, List<String> items) {
        return Map.of("boat", boat, "what_to_bring", items);
    }
}
