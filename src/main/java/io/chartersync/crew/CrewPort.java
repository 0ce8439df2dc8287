package io.chartersync.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the sync workflow asks of the crew service. Calls are idempotent: the event is keyed by booking
 * id, links by event and member, and every email by a dedupe key. No type here carries revenue.
 */
public interface CrewPort {

    /** Creates the booking's crew event or brings it in line; mints links and queues emails as needed. */
    String upsertForBooking(EventRequest request);

    /**
     * Queues the captain's summary, once per state of the crew event (its version and who is on it), so a
     * change that only touches guest details sends none; empty when there is no captain or it is cancelled.
     */
    Optional<String> queueCaptainSummary(UUID bookingId);

    /**
     * Tells the operator once that the booking's calendar entry clashes with {@code other}, naming the other
     * booking by guest, boat and time; without an operator address, the booking's captain, else the other
     * booking's captain. Answers the email's key; empty when there is nobody to tell (then it is logged). No
     * address is passed: the crew module reads the operator's contact itself, because it sends the other
     * operator alerts too (a crew member's decline) and finds the captains to fall back on in its own roster.
     */
    Optional<String> alertConflict(UUID bookingId, OtherBooking other);

    /**
     * The other side of a clash: its calendar entry, its booking (none for an entry made in the calendar
     * alone), its guest, boat and start on the marina's clock.
     */
    record OtherBooking(
            String entryId, Optional<UUID> bookingId, String guestName, String boat, ZonedDateTime startsAt) {}

    /** How the crew of a booking's event has answered. */
    Optional<Answers> answers(UUID bookingId);

    /**
     * Who is on a booking's crew event now, with their names and answers to its current version, for the
     * operator's status document; empty when the booking has no event.
     */
    Optional<Crew> crewOf(UUID bookingId);

    /** A booking's crew event now: its id, whether it is cancelled, and the members on it. */
    record Crew(String eventId, boolean cancelled, List<CrewState> members) {
        public Crew {
            members = List.copyOf(members);
        }
    }

    /** A member's answer to an event's current version, as the workflow reads it. */
    enum Reply {
        CONFIRMED,
        DECLINED
    }

    /**
     * A member on an event: {@code answer} to the event's current version, if any, and when it was given;
     * {@code askedAt}, when the member was put on the event.
     */
    record CrewState(
            String memberId,
            String name,
            String role,
            Optional<Reply> answer,
            Optional<Instant> answeredAt,
            Instant askedAt) {}

    record EventRequest(
            UUID bookingId,
            String eventName,
            String boat,
            LocalDateTime start,
            ZoneId timeZone,
            BigDecimal durationHours,
            String location,
            String crewNote,
            String guestName,
            Optional<Integer> partySize,
            String guestPageUrl,
            List<Member> crew,
            boolean cancelled) {
        public EventRequest {
            crew = List.copyOf(crew);
        }
    }

    /** A crew member on the charter, in a role, at an hourly rate (their own pay, never revenue). */
    record Member(String memberId, String role, Optional<BigDecimal> hourlyRate) {}

    record Answers(String eventId, int invited, int confirmed, int declined) {}
}
