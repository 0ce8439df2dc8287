package io.chartersync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.common.WireForm;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The body of a webhook, {@code {"type": ..., "data": <booking body>}}, read against the path's source:
 * {@code data.source} defaults to it and must equal it. A created or updated booking carries the whole
 * booking body (read later by the intake's own parser); a cancel needs only {@code data.external_id}.
 */
sealed interface WebhookEvent {
    /** {@code booking.created} or {@code booking.updated}: both book the body, as {@code POST /api/bookings}. */
    record Book(Type type, ObjectNode data) implements WebhookEvent {}

    /** {@code booking.cancelled}: cancels the booking of {@code (source, externalId)}. */
    record Cancel(String source, String externalId) implements WebhookEvent {}

    enum Type implements WireForm {
        CREATED("booking.created"),
        UPDATED("booking.updated"),
        CANCELLED("booking.cancelled");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }

        static String known() {
            return Arrays.stream(values()).map(t -> "\"" + t.wire + "\"").collect(Collectors.joining(", "));
        }
    }

    /** Reads {@code body} (a JSON object), or {@link AppException.InvalidInput} naming the field. */
    static WebhookEvent read(JsonNode body, String source) {
        JsonNode typeNode = body.path("type");
        if (!typeNode.isTextual()) {
            throw AppException.InvalidInput.of("type", "is required: one of " + Type.known());
        }
        Type type = WireForm.find(Type.class, typeNode.asText())
                .orElseThrow(() -> AppException.InvalidInput.of("type", "must be one of " + Type.known()));
        JsonNode dataNode = body.path("data");
        if (!dataNode.isObject()) {
            throw AppException.InvalidInput.of("data", "is required: a JSON object (the booking body)");
        }
        ObjectNode data = ((ObjectNode) dataNode).deepCopy();
        JsonNode sentSource = data.get("source");
        if (sentSource == null || sentSource.isNull()) {
            data.put("source", source);
        } else if (!sentSource.isTextual() || !sentSource.asText().equals(source)) {
            throw AppException.InvalidInput.of(
                    "data.source", "must be \"" + source + "\", the source of this webhook's URL (or left out)");
        }
        if (type == Type.CANCELLED) {
            JsonNode externalId = data.path("external_id");
            if (!externalId.isTextual() || externalId.asText().isBlank()) {
                throw AppException.InvalidInput.of("data.external_id", "is required: the booking to cancel");
            }
            return new Cancel(source, externalId.asText());
        }
        return new Book(type, data);
    }
}
