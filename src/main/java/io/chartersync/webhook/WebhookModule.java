package io.chartersync.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.booking.BookingDesk;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed webhooks: {@code POST /webhooks/{source}} (Standard Webhooks v1) books, changes and cancels bookings
 * through the {@link BookingDesk}, as the intake API does, once per {@code webhook-id}. Its table ({@code
 * webhook_delivery}) cleans itself as deliveries are recorded, so the feature has no durable task.
 */
public final class WebhookModule {
    private static final String PREFIX = "whsec_";

    /**
     * {@code secrets}: the {@code whsec_…} secrets of each source, as checked by the configuration (several
     * during a rotation); a source without one has no webhook. {@code clock} judges the timestamps and dates
     * the deliveries.
     */
    public record Deps(
            Jdbi jdbi,
            ObjectMapper json,
            JsonBodies bodies,
            BookingDesk desk,
            Map<String, List<String>> secrets,
            Clock clock) {
        public Deps {
            secrets = Map.copyOf(secrets);
        }

        /** Without the secrets, which are never printed. */
        @Override
        public String toString() {
            return "WebhookModule.Deps[sources=" + new TreeSet<>(secrets.keySet()) + "]";
        }
    }

    private final WebhookRoutes routes;

    private WebhookModule(WebhookRoutes routes) {
        this.routes = routes;
    }

    public static WebhookModule create(Deps deps) {
        Map<String, List<byte[]>> keys = new LinkedHashMap<>();
        deps.secrets()
                .forEach((source, secrets) -> keys.put(
                        source,
                        secrets.stream()
                                .map(secret -> Base64.getDecoder().decode(secret.substring(PREFIX.length())))
                                .toList()));
        Deliveries deliveries = new Deliveries(deps.desk(), new DeliveryStore(deps.jdbi()), deps.clock());
        return new WebhookModule(new WebhookRoutes(keys, deps.bodies(), deps.json(), deliveries, deps.clock()));
    }

    public List<RouteModule> routes() {
        return List.of(routes);
    }
}
