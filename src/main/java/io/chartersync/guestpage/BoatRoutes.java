package io.chartersync.guestpage;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.BoatNames;
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

/**
 * What each boat's guests should bring: {@code PUT /api/boats/{boat}} with {@code {"what_to_bring": […]}}
 * and {@code GET /api/boats/{boat}}. Operator token required. A boat is named as {@link BoatNames} says ({@code
 * "Jada "} is {@code JADA}); the name in the path of a PUT becomes the boat's display name.
 */
final class BoatRoutes implements RouteModule {
    private static final int MAX_ITEMS = 30;
    private static final int MAX_ITEM_LENGTH = 200;
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
            String boat = boat(ctx);
            ctx.json(profile(boats.displayName(boat), boats.whatToBring(boat)));
        }));
        routes.put("/api/boats/{boat}", operator.protect(this::put));
    }

    private void put(Context ctx) {
        String boat = boat(ctx);
        JsonFields f = new JsonFields(bodies.object(ctx));
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
        ctx.json(Map.of("boat", BoatNames.display(boat), "what_to_bring", items, "pages_republished", republished));
    }

    /** The boat named in the path: one line of text, 1 to 80 characters, or 400 naming {@code boat}. */
    private static String boat(Context ctx) {
        String boat = ctx.pathParam("boat");
        if (boat.isBlank()
                || boat.length() > 80
                || Characters.problem(boat).isPresent()
                || Characters.hasLineBreak(boat)) {
            throw AppException.InvalidInput.of("boat", "must be a boat name of at most 80 characters on one line");
        }
        return boat;
    }

    private static Map<String, Object> profile(String boat, List<String> items) {
        return Map.of("boat", boat, "what_to_bring", items);
    }
}
