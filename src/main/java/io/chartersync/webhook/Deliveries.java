package io.chartersync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.Saved;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a signed delivery does: nothing when its {@code webhook-id} was recorded for its source within 24 hours
 * (the answer is 200 with the booking's status document as it is now), else its body's effect through the
 * {@link BookingDesk}, as {@code POST /api/bookings} and {@code POST /api/bookings/{id}/cancel} would do it,
 * then the delivery recorded.
 *
 * <p>The booking's effect and the delivery record are two transactions: the desk commits its own (booking
 * version, sync, audit), and offers no way in. A crash (or a lost database) between the two leaves the effect
 * without the record, so the sender's retry of the same delivery runs again; that is harmless, because the
 * effect is idempotent on its own: the same booking body again is {@code UNCHANGED} (same version, no sync),
 * a cancel of a cancelled booking changes nothing. Only a retry that arrives after a newer delivery of the
 * same booking (a sender retrying out of order, after a crash of ours in that very window) would book the
 * older body again, as a new version. The other order, the record before the effect, would lose the
 * booking for good on such a crash, since the retry would be taken for a replay.
 *
 * <p>Two deliveries of one {@code webhook-id} at once both pass the replay check, and both reach the desk,
 * whose intake is idempotent on {@code (source, external_id)} and the body under the booking's row lock: one
 * stores the version, the other finds it {@code UNCHANGED}. One effect; both are recorded, the second insert
 * being a no-op.
 */
final class Deliveries {
    private final BookingDesk desk;
    private final DeliveryStore store;
    private final Clock clock;

    Deliveries(BookingDesk desk, DeliveryStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    /** An HTTP answer: its status, its JSON document and where the booking is (for a 201). */
    record Answer(int status, Object document, Optional<String> location) {}

    Answer receive(String source, String webhookId, WebhookRoutes.BodyReader body) {
        Instant now = clock.instant();
        Optional<DeliveryStore.Seen> seen = store.recent(source, webhookId, now);
        if (seen.isPresent()) {
            return replayed(webhookId, seen.get());
        }
        WebhookEvent event = WebhookEvent.read(body.read(), source);
        String actor = "webhook:" + source;
        Saved saved = switch (event) {
            case WebhookEvent.Book book -> desk.submit(parse(book.data()), actor);
            case WebhookEvent.Cancel cancel -> {
                UUID id = desk.findByExternal(cancel.source(), cancel.externalId())
                        .orElseThrow(
                                () -> new AppException.NotFound("booking", cancel.source() + "/" + cancel.externalId()))
                        .id();
                yield desk.cancel(id, actor);
            }
        };
        store.record(source, webhookId, saved.id(), clock.instant());
        boolean created = saved.outcome() == Saved.Outcome.CREATED;
        return new Answer(
                created ? 201 : 200,
                desk.status(saved.id()),
                created ? Optional.of("/api/bookings/" + saved.id()) : Optional.empty());
    }

    /** The intake's parse of {@code data}, its field names prefixed with {@code data.}. */
    private Booking parse(JsonNode data) {
        try {
            return desk.parse(data);
        } catch (AppException.InvalidInput invalid) {
            throw new AppException.InvalidInput(invalid.errors().stream()
                    .map(e -> new FieldError(e.field().equals("body") ? "data" : "data." + e.field(), e.detail()))
                    .toList());
        }
    }

    /** A replay: nothing done; the booking's status as it is now, or (none known) what the delivery was. */
    private Answer replayed(String webhookId, DeliveryStore.Seen seen) {
        Optional<Object> status = seen.bookingId().flatMap(desk::find).map(s -> s);
        Object document = status.orElseGet(() -> {
            Map<String, Object> small = new LinkedHashMap<>();
            small.put("webhook_id", webhookId);
            small.put("replayed", true);
            return small;
        });
        return new Answer(200, document, Optional.empty());
    }
}
