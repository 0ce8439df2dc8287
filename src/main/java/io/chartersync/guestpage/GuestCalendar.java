package io.chartersync.guestpage;

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
import net.fortuna.ical4j.model.property.Url;

/** The guest's "add to calendar" file: one event, the charter, on the marina's clock. */
final class GuestCalendar {
    private GuestCalendar() {}

    static String render(GuestView v, String pageUrl, String uidDomain, int sequence) {
        Calendar calendar =
                ICalendars.feed("-//Charter Sync//Guest charter//EN", v.boat() + " charter", List.of(v.zoneId()));
        long seconds = v.durationHours().multiply(BigDecimal.valueOf(3600)).longValue();
        ZonedDateTime end = v.startsAt()
                .toInstant()
                .plusSeconds(seconds)
                .atZone(v.startsAt().getZone());
        VEvent event = new VEvent(ICalendars.time(v.startsAt()), ICalendars.time(end), "Charter on " + v.boat());
        event.add(new Uid("guest-" + v.slug() + "@" + uidDomain));
        event.add(ICalendars.organizer(uidDomain));
        event.add(new Sequence(sequence));
        event.add(new Location(v.location()));
        event.add(new Description("Meet at " + v.location() + ". Your charter page: " + pageUrl));
        event.add(new Url(java.net.URI.create(pageUrl)));
        event.add(new Status(v.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        calendar.add(event);
        return calendar.toString();
    }
}
