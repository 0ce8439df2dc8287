package io.chartersync.crew;

import io.chartersync.common.ICalendars;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

/** A crew member's charters as an RFC 5545 feed (ical4j), built from {@link CrewView} only. */
final class CrewFeed {
    private final String uidDomain;

    CrewFeed(String uidDomain) {
        this.uidDomain = uidDomain;
    }

    /** One charter in a member's feed, with its SEQUENCE. */
    record Entry(CrewView view, int sequence) {}

    String render(List<Entry> charters) {
        Calendar calendar = ICalendars.feed(
                "-//Charter Sync//Crew feed//EN",
                "My charters",
                charters.stream()
                        .map(e -> e.view().startsAt().getZone().getId())
                        .toList());
        for (Entry entry : charters) {
            CrewView v = entry.view();
            long seconds = v.durationHours().multiply(BigDecimal.valueOf(3600)).longValue();
            ZonedDateTime end = v.startsAt()
                    .toInstant()
                    .plusSeconds(seconds)
                    .atZone(v.startsAt().getZone());
            VEvent event =
                    new VEvent(ICalendars.time(v.startsAt()), ICalendars.time(end), v.boat() + " charter: " + v.role());
            boolean off = v.cancelled() || v.removed();
            event.add(new Uid(v.eventId() + "@" + uidDomain));
            event.add(ICalendars.organizer(uidDomain));
            event.add(new Sequence(entry.sequence()));
            event.add(new Location(v.location()));
            if (!off) {
                event.add(new Description(description(v)));
            }
            event.add(new Status(status(v, off)));
            calendar.add(event);
        }
        return calendar.toString();
    }

    /** Cancelled when the charter is off for this member; otherwise as they answered (tentative until then). */
    private static String status(CrewView v, boolean off) {
        if (off || v.answer().filter(a -> a == CrewAnswer.DECLINE).isPresent()) {
            return Status.VALUE_CANCELLED;
        }
        return v.answer().isPresent() ? Status.VALUE_CONFIRMED : Status.VALUE_TENTATIVE;
    }

    private static String description(CrewView v) {
        StringBuilder d = new StringBuilder(v.eventName()).append("\nRole: ").append(v.role());
        if (!v.crewNote().isBlank()) {
            d.append("\nNote: ").append(v.crewNote());
        }
        if (!v.guestPageUrl().isBlank()) {
            d.append("\nGuest page: ").append(v.guestPageUrl());
        }
        return d.toString();
    }
}
