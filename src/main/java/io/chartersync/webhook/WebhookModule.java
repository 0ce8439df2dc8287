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
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
     * during a rotation), asked at each delivery (the program reads them again when they change, so a new
     * secret needs no restart); a source without one has no webhook. {@code clock} judges the timestamps and dates
     * the deliveries.
     */
    public record Deps(
            Jdbi jdbi,
            ObjectMapper json,
            JsonBodies bodies,
            BookingDesk desk,
            Supplier<Map<String, List<String>>> secrets,
            Clock clock) {

        /** Without the secrets, which are never printed. */
        @Override
        public String toString() {
            return "WebhookModule.Deps[sources=" + new TreeSet<>(secrets.get().keySet()) + "]";
        }
    }

    private final WebhookRoutes routes;

    private WebhookModule(WebhookRoutes routes) {
        this.routes = routes;
    }

    public static WebhookModule create(Deps deps) {
        Deliveries deliveries = new Deliveries(deps.desk(), new DeliveryStore(deps.jdbi()), deps.clock());
        return new WebhookModule(
                new WebhookRoutes(new Keys(deps.secrets()), deps.bodies(), deps.json(), deliveries, deps.clock()));
    }

    /** Each source's HMAC keys (the base64 after {@code whsec_}, decoded), decoded again only when the secrets change. */
    static final class Keys {
        private final Supplier<Map<String, List<String>>> secrets;
        private final AtomicReference<Decoded> last = new AtomicReference<>();

        private record Decoded(Map<String, List<String>> secrets, Map<String, List<byte[]>> keys) {}

        Keys(Supplier<Map<String, List<String>>> secrets) {
            this.secrets = secrets;
        }

        /** The keys of {@code source}, empty when it has no secret. */
        Optional<List<byte[]>> of(String source) {
            Map<String, List<String>> now = secrets.get();
            Decoded decoded = last.get();
            if (decoded == null || decoded.secrets() != now) {
                decoded = new Decoded(now, decode(now));
                last.set(decoded);
            }
            return Optional.ofNullable(decoded.keys().get(source));
        }

        private static Map<String, List<byte[]>> decode(Map<String, List<String>> secrets) {
            Map<String, List<byte[]>> keys = new LinkedHashMap<>();
            secrets.forEach((source, list) -> keys.put(
                    source,
                    list.stream()
                            .map(secret -> Base64.getDecoder().decode(secret.substring(PREFIX.length())))
                            .toList()));
            return Map.copyOf(keys);
        }
    }

    public List<RouteModule> routes() {
        return List.of(routes);
    }
}
