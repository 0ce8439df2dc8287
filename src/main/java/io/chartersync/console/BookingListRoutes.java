package io.chartersync.console;

import io.chartersync.booking.BookingDesk;
import io.chartersync.common.AppException;
import io.chartersync.crew.CrewPort;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Bookings page ({@code GET /bookings}): a plain GET form whose parameters are those of {@code GET
 * /api/bookings} ({@link BookingDesk#list}): {@code q, state, boat, from, to}, paged with {@code after}. Empty
 * fields are dropped before the desk sees them; a bad value answers 400 with the form and the error next to
 * its field. Rows are {@link BookingSummary}s, so a dispatcher sees no revenue.
 */
final class BookingListRoutes implements RouteModule {
    private static final Map<String, String> LABELS = Map.of(
            "q", "Guest or external id",
            "state", "State",
            "boat", "Boat",
            "from", "From",
            "to", "To");

    private final Pages pages;
    private final BookingDesk desk;
    private final CrewPort crew;
    private final GuestPageModule boats;

    BookingListRoutes(Pages pages, BookingDesk desk, CrewPort crew, GuestPageModule boats) {
        this.pages = pages;
        this.desk = desk;
        this.crew = crew;
        this.boats = boats;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/bookings", pages.page(this::list));
    }

    private void list(Context ctx, SignedIn user) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, given) -> {
            List<String> kept = given.stream().filter(v -> !v.isBlank()).toList();
            if (!kept.isEmpty()) {
                params.put(name, kept);
                values.put(name, kept.getFirst());
            }
        });
        List<String> boatNames =
                boats.boats().stream().map(GuestPageModule.Boat::name).toList();
        BookingDesk.Listing listing;
        try {
            listing = desk.list(params);
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            render(
                    ctx,
                    user,
                    values,
                    boatNames,
                    FieldErrors.of(e.errors(), f -> f, LABELS),
                    List.of(),
                    Optional.empty());
            return;
        }
        List<BookingsPage.Row> rows = listing.bookings().stream()
                .map(s -> row(BookingSummary.of(s, crew.crewOf(s.id()))))
                .toList();
        render(ctx, user, values, boatNames, FieldErrors.none(), rows, listing.next());
    }

    private void render(
            Context ctx,
            SignedIn user,
            Map<String, String> values,
            List<String> boatNames,
            FieldErrors errors,
            List<BookingsPage.Row> rows,
            Optional<UUID> next) {
        Map<String, String> withoutCursor = new LinkedHashMap<>(values);
        withoutCursor.remove("after");
        Optional<String> nextPage = next.map(after -> query(withoutCursor, Optional.of(after.toString())));
        Optional<String> firstPage =
                values.containsKey("after") ? Optional.of(query(withoutCursor, Optional.empty())) : Optional.empty();
        pages.render(
                ctx,
                "console/bookings.jte",
                new BookingsPage(
                        pages.shell("Bookings", user, Section.BOOKINGS),
                        values,
                        boatNames,
                        errors,
                        rows,
                        nextPage,
                        firstPage));
    }

    private static String query(Map<String, String> values, Optional<String> after) {
        Map<String, String> all = new LinkedHashMap<>(values);
        after.ifPresent(a -> all.put("after", a));
        String q = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "/bookings" : "/bookings?" + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static BookingsPage.Row row(BookingSummary s) {
        return new BookingsPage.Row(
                s.id(),
                Times.span(s.startsAt(), s.endsAt()),
                s.boat().isBlank() ? "No boat" : s.boat(),
                s.guestName(),
                BookingsPage.party(s.partySize()),
                s.state(),
                s.attention().stream()
                        .map(a -> BookingsPage.attentionLabel(a.kind()))
                        .distinct()
                        .toList());
    }
}
