package io.chartersync.common;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The booking event log, logger {@value #LOGGER}: one line per event in a booking's life ({@code received},
 * {@code new_version}, {@code cancelled}, {@code synced}, {@code sync_failed}, {@code conflict}, {@code
 * declined}, {@code email_failed}), each naming the event and the
 * booking as key-value pairs ({@code event=synced booking_id=… source=… external_id=… version=2 boat=JADA};
 * JSON fields with {@code LOG_FORMAT=json}). Callers add ids, versions, boat names, steps and reasons in
 * plain words only: never revenue, notes, guest names or contacts, crew contacts, tokens or bodies.
 */
public final class BookingLog {
    public static final String LOGGER = "chartersync.bookings";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private BookingLog() {}

    /** The booking as every line names it; {@code source}, {@code externalId} and {@code boat} when known. */
    public record Subject(
            UUID bookingId, Optional<String> source, Optional<String> externalId, int version, Optional<String> boat) {
        public static Subject of(UUID bookingId, String source, String externalId, int version, String boat) {
            return new Subject(bookingId, Optional.of(source), Optional.of(externalId), version, Optional.of(boat));
        }
    }

    /** An event that went as planned, at INFO; add more pairs with {@link Line#with} and end with {@link Line#log}. */
    public static Line info(String event, String message, Subject booking) {
        return new Line(log.atInfo(), message, event).named(booking);
    }

    /** An event that needs the operator, at WARN; add more pairs and end with {@link Line#log}. */
    public static Line warn(String event, String message, Subject booking) {
        return new Line(log.atWarn(), message, event).named(booking);
    }

    /** An event about a booking known only by its id (an email, from the outbox; a crew answer), at WARN. */
    public static Line warn(String event, String message, Optional<UUID> bookingId) {
        return new Line(log.atWarn(), message, event).with("booking_id", bookingId);
    }

    /** One line being put together: its key-value pairs in the order added. */
    public static final class Line {
        private LoggingEventBuilder builder;

        private Line(LoggingEventBuilder builder, String message, String event) {
            this.builder = builder.setMessage(message).addKeyValue("event", event);
        }

        public Line with(String key, Object value) {
            builder = builder.addKeyValue(key, value);
            return this;
        }

        /** The pair when {@code value} is present (and not blank), else nothing. */
        public Line with(String key, Optional<?> value) {
            value.filter(v -> !v.toString().isBlank()).ifPresent(v -> with(key, v));
            return this;
        }

        public void log() {
            builder.log();
        }

        private Line named(Subject booking) {
            return with("booking_id", booking.bookingId())
                    .with("source", booking.source())
                    .with("external_id", booking.externalId())
                    .with("version", booking.version())
                    .with("boat", booking.boat());
        }
    }
}
