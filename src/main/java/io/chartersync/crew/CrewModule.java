package io.chartersync.crew;

import com.github.kagkarlsson.scheduler.task.Task;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.OperatorContact;
import io.chartersync.db.TaskQueue;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.Outbox;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RateLimiter;
import io.chartersync.web.RouteModule;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The crew feature: the roster, crew events and their magic links, the crew's pages and feeds, and every
 * crew email (invitations to briefings). The one entry point of the package: the rest is package-private.
 */
public final class CrewModule {

    /**
     * What the crew feature needs from the rest of the program.
     *
     * @param operator guards the roster API ({@code /api/crew})
     * @param service guards the seed crew API ({@code /events})
     * @param publicBaseUrl what every printed link starts with (never the request's Host)
     * @param operatorContact whose email hears of declines and conflicts (without one, the captain)
     * @param marinaZone the clock a seed date without an offset is read on
     * @param perLink limits requests to {@code /m/*} per link
     * @param perAddress limits requests to {@code /m/*} per client address
     */
    public record Deps(
            Jdbi jdbi,
            AuditLog audit,
            Outbox outbox,
            EmailRenderer emails,
            TaskQueue tasks,
            LinkTokens linkTokens,
            TemplateEngine templates,
            JsonBodies bodies,
            Guard operator,
            Guard service,
            URI publicBaseUrl,
            OperatorContact.Source operatorContact,
            ZoneId marinaZone,
            RateLimiter perLink,
            RateLimiter perAddress,
            ClientAddress clients,
            Clock clock) {}

    private final CrewPort port;
    private final RosterStore roster;
    private final List<RouteModule> routes;
    private final List<Task<?>> tasks;
    private final Roster console;
    private final InvitationResends resends;

    private CrewModule(
            CrewPort port,
            RosterStore roster,
            List<RouteModule> routes,
            List<Task<?>> tasks,
            Roster console,
            InvitationResends resends) {
        this.port = port;
        this.console = console;
        this.roster = roster;
        this.routes = List.copyOf(routes);
        this.tasks = List.copyOf(tasks);
        this.resends = resends;
    }

    public static CrewModule create(Deps d) {
        EventStore events = new EventStore();
        LinkStore links = new LinkStore();
        RosterStore roster = new RosterStore(d.jdbi(), d.audit());
        CrewMail mail = new CrewMail(
                events, links, roster, d.outbox(), d.emails(), d.publicBaseUrl(), d.operatorContact(), d.clock());
        CaptainSummaries summaries = new CaptainSummaries(d.jdbi(), events, mail, d.tasks(), d.clock());
        Briefings briefings = new Briefings(d.jdbi(), events, mail, d.tasks(), d.clock());
        CrewService service = new CrewService(
                d.jdbi(),
                events,
                links,
                mail,
                new EventChanges(events, links, mail, d.linkTokens(), d.clock()),
                briefings,
                d.audit());
        MagicLinks magicLinks = new MagicLinks(d.jdbi(), events, links, roster, mail, summaries, d.audit(), d.clock());
        List<RouteModule> routes = List.of(
                new RosterRoutes(d.operator(), d.bodies(), roster),
                new EventRoutes(
                        d.service(), d.bodies(), service, new EventParser(d.marinaZone(), roster), d.marinaZone()),
                new MagicLinkRoutes(
                        magicLinks,
                        new CrewFeed(d.publicBaseUrl().getHost()),
                        d.templates(),
                        d.bodies(),
                        d.linkTokens(),
                        d.publicBaseUrl(),
                        d.perLink(),
                        d.perAddress(),
                        d.clients()));
        return new CrewModule(
                service,
                roster,
                routes,
                List.of(summaries.task(), briefings.task()),
                new Roster(d.jdbi(), roster, events, links, d.clock()),
                new InvitationResends(d.jdbi(), events, links, mail, d.audit(), d.clock()));
    }

    /** What the sync workflow (and its status) asks of the crew. */
    public CrewPort port() {
        return port;
    }

    /** The roster API, the seed crew API ({@code /events}) and the magic-link pages ({@code /m/*}). */
    public List<RouteModule> routes() {
        return routes;
    }

    /** The durable tasks: coalesced captain-summary re-sends and evening-before briefings. */
    public List<Task<?>> tasks() {
        return tasks;
    }

    /** A member of the roster as the console lists them: never their contacts. */
    public record RosterMember(String id, String name, List<String> roles) {
        public RosterMember {
            roles = List.copyOf(roles);
        }
    }

    /** The active members of the roster, by id (whom a charter can be given to). */
    public List<RosterMember> activeMembers() {
        return roster.findAll().stream()
                .filter(CrewMember::active)
                .map(m -> new RosterMember(m.id(), m.name(), m.roles()))
                .toList();
    }

    /**
     * Sends the member's invitation to the booking's event again (as the event is now, on the link they have),
     * audited under {@code actor}. {@code AppException.NotFound} when the booking has no event or the member is
     * not on it; {@code AppException.Conflict}, changing nothing, when the member has answered, the charter is
     * cancelled, or the invitation was resent within the last minutes.
     */
    public void resendInvitation(UUID bookingId, String memberId, String actor) {
        resends.resend(bookingId, memberId, actor);
    }

    /** The ids among {@code ids} that are not on the roster (for intake, which checks a booking's crew). */
    public Set<String> unknownMembers(Collection<String> ids) {
        return roster.findUnknownIds(ids);
    }

    /** The ids among {@code ids} of deactivated members (for intake, which refuses to put them on a booking). */
    public Set<String> inactiveMembers(Collection<String> ids) {
        return roster.findInactiveIds(ids);
    }

    /** The roster as the console reads and edits it, with each member's upcoming charters. */
    public Roster roster() {
        return console;
    }

    /** Every member of the roster by id, with their name, ordered by name: for choosing crew in a form. */
    public java.util.Map<String, String> rosterNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        roster.findAll().stream()
                .sorted(java.util.Comparator.comparing(CrewMember::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(CrewMember::id))
                .forEach(m -> names.put(m.id(), m.active() ? m.name() : m.name() + " (deactivated)"));
        return names;
    }
}
