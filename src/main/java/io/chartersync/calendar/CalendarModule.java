package io.chartersync.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The calendar feature: the operator's calendar entries (kept in line with bookings through {@link
 * CalendarPort}), its seed API and its read-only iCalendar feeds.
 */
public final class CalendarModule {
    /**
     * What the calendar needs from the rest of the program. {@code marinaZone} is the clock of dates given
     * without a zone; {@code uidDomain} ends every feed entry's UID.
     */
    public record Deps(
            Jdbi jdbi,
            ObjectMapper json,
            ZoneId marinaZone,
            AuditLog audit,
            LinkTokens linkTokens,
            Guard operator,
            JsonBodies bodies,
            String uidDomain,
            Clock clock) {}

    private final CalendarService calendar;
    private final List<RouteModule> routes;

    private CalendarModule(CalendarService calendar, List<RouteModule> routes) {
        this.calendar = calendar;
        this.routes = List.copyOf(routes);
    }

    public static CalendarModule create(Deps deps) {
        CalendarService calendar = new CalendarService(
                deps.jdbi(),
                new CalendarStore(deps.jdbi(), deps.json(), deps.clock()),
                deps.marinaZone(),
                deps.audit());
        return new CalendarModule(
                calendar,
                List.of(
                        new CalendarRoutes(deps.operator(), deps.bodies(), calendar),
                        new FeedRoutes(
                                feedTokens(deps.jdbi(), deps.linkTokens(), deps.audit()), calendar, deps.uidDomain())));
    }

    /**
     * The feed tokens alone, for the {@code keys} command: it prints and rotates feed URLs on the database,
     * without the rest of the calendar.
     */
    public static FeedTokens feedTokens(Jdbi jdbi, LinkTokens linkTokens, AuditLog audit) {
        return new FeedTokens(jdbi, linkTokens, audit);
    }

    /** What the sync workflow and the booking status ask of the calendar. */
    public CalendarPort port() {
        return calendar;
    }

    /** The seed API ({@code /calendar}) and the feed ({@code /calendar.ics}). */
    public List<RouteModule> routes() {
        return routes;
    }
}
