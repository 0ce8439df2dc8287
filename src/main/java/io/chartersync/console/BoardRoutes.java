package io.chartersync.console;

import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingState;
import io.chartersync.booking.BookingStatus;
import io.chartersync.crew.CrewPort;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The console's home page ({@code GET /}): for a signed-in user the board of a week (today and the next six
 * days on the marina's clock, or the week from {@code ?from=YYYY-MM-DD}), else a 303 to the sign-in form.
 */
final class BoardRoutes implements RouteModule {
    static final int DAYS = 7;
    private static final DateTimeFormatter DRAWN = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK);

    private final Pages pages;
    private final BookingDesk bookings;
    private final CrewPort crew;
    private final ZoneId marina;
    private final Clock clock;

    BoardRoutes(Pages pages, BookingDesk bookings, CrewPort crew, ZoneId marina, Clock clock) {
        this.pages = pages;
        this.bookings = bookings;
        this.crew = crew;
        this.marina = marina;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", pages.page(this::board));
    }

    private void board(Context ctx, SignedIn user) {
        LocalDate today = clock.instant().atZone(marina).toLocalDate();
        String asked = ctx.queryParam("from");
        LocalDate from;
        try {
            from = asked == null ? today : LocalDate.parse(asked);
        } catch (DateTimeParseException e) {
            pages.message(
                    ctx,
                    400,
                    pages.shell("Not a date", user, Section.BOARD),
                    "Not a date",
                    "The board's from='" + (asked.length() > 40 ? asked.substring(0, 40) + "…" : asked)
                            + "' is not a date (YYYY-MM-DD, such as " + today + ").",
                    "/",
                    "Back to this week");
            return;
        }
        if (from.getYear() < 2000 || from.getYear() > 2999) {
            from = today;
        }
        pages.render(ctx, "console/board.jte", page(user, from, today));
    }

    private BoardPage page(SignedIn user, LocalDate from, LocalDate today) {
        LocalDate to = from.plusDays(DAYS - 1);
        Map<BookingSummary, Optional<String>> problems = new LinkedHashMap<>();
        for (BookingStatus s : bookings.list(
                        Map.of("from", List.of(from.toString()), "to", List.of(to.toString()), "limit", List.of("500")))
                .bookings()) {
            boolean open = s.state() == BookingState.PENDING
                    || s.state() == BookingState.SYNCING
                    || s.state() == BookingState.FAILED;
            problems.put(
                    BookingSummary.of(s, crew.crewOf(s.id())),
                    open ? Optional.ofNullable(s.error()) : Optional.empty());
        }
        List<BookingSummary> week = problems.keySet().stream()
                .sorted(Comparator.comparing(BookingSummary::startsAt))
                .toList();
        // One lane per boat, by the boat's name as boats match: trimmed, any case.
        Map<String, List<BookingSummary>> byBoat = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (BookingSummary b : week) {
            String key = b.boat().strip().toUpperCase(Locale.ROOT);
            names.putIfAbsent(key, b.boat().strip());
            byBoat.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        List<BoardPage.Lane> lanes = new ArrayList<>();
        byBoat.forEach((key, charters) -> {
            List<BoardPage.Day> days = new ArrayList<>();
            for (int i = 0; i < DAYS; i++) {
                LocalDate day = from.plusDays(i);
                days.add(new BoardPage.Day(
                        day.format(Cards.DAY),
                        day.equals(today),
                        charters.stream()
                                .filter(b -> b.startsAt()
                                        .withZoneSameInstant(marina)
                                        .toLocalDate()
                                        .equals(day))
                                .map(b -> Cards.of(b, marina, problems.get(b)))
                                .toList()));
            }
            lanes.add(new BoardPage.Lane(names.get(key), days));
        });
        ZonedDateTime now = clock.instant().atZone(marina);
        return new BoardPage(
                pages.shell("Board", user, Section.BOARD),
                from.format(Cards.DAY) + " – " + to.format(Cards.DAY),
                "/?from=" + from,
                "/?from=" + from.minusDays(DAYS),
                "/?from=" + from.plusDays(DAYS),
                "/",
                !today.isBefore(from) && !today.isAfter(to),
                now.format(DRAWN),
                lanes);
    }
}
