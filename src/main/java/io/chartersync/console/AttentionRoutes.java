package io.chartersync.console;

import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingStatus;
import io.chartersync.crew.CrewModule;
import io.chartersync.crew.CrewPort;
import io.chartersync.feed.FeedView;
import io.chartersync.feed.Feeds;
import io.chartersync.mail.FailedEmails;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code GET /attention}: what needs the operator, newest booking first, with the action that fixes each item. */
final class AttentionRoutes implements RouteModule {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
    private static final Map<String, String> DONE = Map.of(
            "retry", "The sync runs again. This page updates as it goes.",
            "replace", "Crew replaced. The new member is invited as soon as the booking syncs.",
            "invitation", "The invitation was sent again.",
            "email", "The email is queued again and goes out in a moment.",
            "kept", "Kept. The booking stays as it is, and is no longer flagged while its feed leaves it out.",
            "polled", "The feed was polled. Its result is on the Feeds page.");

    private final Pages pages;
    private final BookingDesk bookings;
    private final CrewPort crew;
    private final Supplier<List<CrewModule.RosterMember>> roster;
    private final FailedEmails failedEmails;
    private final Feeds feeds;
    private final ZoneId marina;

    AttentionRoutes(
            Pages pages,
            BookingDesk bookings,
            CrewPort crew,
            Supplier<List<CrewModule.RosterMember>> roster,
            FailedEmails failedEmails,
            Feeds feeds,
            ZoneId marina) {
        this.feeds = feeds;
        this.pages = pages;
        this.bookings = bookings;
        this.crew = crew;
        this.roster = roster;
        this.failedEmails = failedEmails;
        this.marina = marina;
    }

    /** The confirmation of an action ({@code ?done=…}), in words. */
    static Optional<String> notice(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("done")).map(DONE::get);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/attention", pages.page(this::show));
    }

    private void show(Context ctx, SignedIn user) {
        BookingDesk.Listing listing = bookings.list(Map.of(
                "attention", List.of("true"), "limit", List.of(Integer.toString(ConsoleModule.ATTENTION_SHOWN))));
        List<CrewModule.RosterMember> members = roster.get();
        List<AttentionPage.Entry> entries =
                listing.bookings().stream().map(s -> entry(s, members)).toList();
        pages.render(
                ctx,
                "console/attention.jte",
                new AttentionPage(
                        pages.shell("Needs attention", user, Section.ATTENTION),
                        notice(ctx),
                        feeds.failing().stream().map(AttentionRoutes::failing).toList(),
                        entries,
                        listing.next().isPresent()));
    }

    private AttentionPage.Entry entry(BookingStatus s, List<CrewModule.RosterMember> members) {
        BookingSummary b = BookingSummary.of(s, crew.crewOf(s.id()));
        String base = "/bookings/" + b.id();
        List<FailedEmails.Failed> failed =
                new ArrayList<>(s.emails().failed() > 0 ? failedEmails.of(b.id()) : List.of());
        List<AttentionPage.Item> items = new ArrayList<>();
        for (BookingSummary.AttentionItem a : b.attention()) {
            AttentionPage.Action action = switch (a.kind()) {
                case DECLINED ->
                    crewLine(b, a.detail())
                            .map(c -> replace(base, c, b, members))
                            .orElse(AttentionPage.Action.link("Change the crew", base + "/edit#crew"));
                case UNANSWERED ->
                    crewLine(b, a.detail())
                            .map(c -> new AttentionPage.Action(
                                    AttentionPage.Type.RESEND_INVITATION,
                                    "Resend the invitation to " + c.name(),
                                    base + "/resend",
                                    c.memberId(),
                                    "",
                                    List.of()))
                            .orElse(AttentionPage.Action.none());
                case EMAIL_FAILED ->
                    failedEmail(failed, a.detail())
                            .map(f -> new AttentionPage.Action(
                                    AttentionPage.Type.RESEND_EMAIL,
                                    "Resend the email to " + f.recipient(),
                                    base + "/resend",
                                    "",
                                    f.id().toString(),
                                    List.of()))
                            .orElse(AttentionPage.Action.none());
                case SYNC_FAILED ->
                    new AttentionPage.Action(
                            AttentionPage.Type.RETRY, "Retry the sync", base + "/retry", "", "", List.of());
                case NO_CREW -> AttentionPage.Action.link("Assign crew", base + "/edit#crew");
                case VANISHED_FROM_FEED ->
                    new AttentionPage.Action(
                            AttentionPage.Type.CANCEL_OR_KEEP, "Keep it", base + "/keep", "", "", List.of());
                case CONFLICT ->
                    otherBooking(s)
                            .map(other -> AttentionPage.Action.link("Open the other booking", "/bookings/" + other))
                            .orElse(AttentionPage.Action.link(
                                    "Open the board",
                                    "/?from="
                                            + b.startsAt()
                                                    .withZoneSameInstant(marina)
                                                    .toLocalDate()));
            };
            items.add(new AttentionPage.Item(
                    Cards.kind(a.kind()), a.detail(), a.since().atZone(marina).format(SINCE), action));
        }
        return new AttentionPage.Entry(Cards.of(b, marina), items);
    }

    /** "The Boatsetter feed for JADA has failed 3 times: …". */
    private static AttentionPage.FailingFeed failing(FeedView f) {
        return new AttentionPage.FailingFeed(
                f.id().toString(),
                "The " + f.sourceName() + " feed for " + f.boat() + " has failed " + f.consecutiveFailures()
                        + " times in a row: " + f.lastError().orElse("no reason recorded"));
    }

    /** The crew member an item is about: its detail starts with "Name (role)". */
    private static Optional<BookingSummary.CrewLine> crewLine(BookingSummary b, String detail) {
        return b.crew().stream()
                .filter(c -> detail.startsWith(c.name() + " (" + c.role() + ")"))
                .findFirst();
    }

    private static AttentionPage.Action replace(
            String base, BookingSummary.CrewLine who, BookingSummary b, List<CrewModule.RosterMember> members) {
        Set<String> onBoard =
                b.crew().stream().map(BookingSummary.CrewLine::memberId).collect(Collectors.toSet());
        List<AttentionPage.Choice> choices = members.stream()
                .filter(m -> !onBoard.contains(m.id()))
                // Those who hold the role first.
                .sorted((x, y) -> Boolean.compare(
                        !x.roles().contains(who.role()), !y.roles().contains(who.role())))
                .map(m -> new AttentionPage.Choice(m.id(), m.name() + " (" + String.join(", ", m.roles()) + ")"))
                .toList();
        return new AttentionPage.Action(
                AttentionPage.Type.REPLACE, "Replace " + who.name(), base + "/replace", who.memberId(), "", choices);
    }

    /** The failed email an item is about (its detail names the recipient); each is used once. */
    private static Optional<FailedEmails.Failed> failedEmail(List<FailedEmails.Failed> failed, String detail) {
        for (FailedEmails.Failed f : failed) {
            if (detail.contains(" to " + f.recipient() + " ")) {
                failed.remove(f);
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The booking whose calendar entry this one clashes with, looked for among the bookings of those days. */
    private Optional<UUID> otherBooking(BookingStatus s) {
        String entry = s.calendar().conflictWith();
        if (entry == null) {
            return Optional.empty();
        }
        var day = s.booking().startsAt().withZoneSameInstant(marina).toLocalDate();
        return bookings
                .list(Map.of(
                        "from",
                        List.of(day.minusDays(1).toString()),
                        "to",
                        List.of(day.plusDays(1).toString()),
                        "limit",
                        List.of("500")))
                .bookings()
                .stream()
                .filter(o -> entry.equals(o.calendar().entryId()))
                .map(BookingStatus::id)
                .findFirst();
    }
}
