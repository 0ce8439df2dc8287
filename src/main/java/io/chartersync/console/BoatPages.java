package io.chartersync.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingState;
import io.chartersync.booking.BookingStatus;
import io.chartersync.common.AppException;
import io.chartersync.common.BoatNames;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Boats pages: every boat known ({@code GET /boats}: registered, or seen on a booking) with how many
 * charters it has still to come, and each boat's form ({@code GET /boats/{boat}}, {@code POST /boats/{boat}}):
 * display name, meeting point, map link, what to bring. The rules are those of {@code PUT /api/boats/{boat}};
 * saving re-publishes the boat's upcoming guest pages.
 */
final class BoatPages implements RouteModule {
    private static final Map<String, String> LABELS = Map.of(
            "display_name", "Display name",
            "meeting_point", "Meeting point",
            "map_url", "Map link",
            "what_to_bring", "What to bring",
            "boat", "Boat");
    /** The most bookings read to count the upcoming charters (ten pages of the desk's largest). */
    private static final int MAX_PAGES = 10;

    private final Pages pages;
    private final GuestPageModule boats;
    private final BookingDesk desk;
    private final Clock clock;

    BoatPages(Pages pages, GuestPageModule boats, BookingDesk desk, Clock clock) {
        this.pages = pages;
        this.boats = boats;
        this.desk = desk;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/boats", pages.page(this::list));
        routes.get("/boats/{boat}", pages.page(this::show));
        routes.post("/boats/{boat}", pages.form(this::save));
    }

    private void list(Context ctx, SignedIn user) {
        Map<String, Long> upcoming = upcomingByBoat();
        List<BoatsPage.Row> rows = boats.boats().stream()
                .map(b -> new BoatsPage.Row(
                        b.name(), upcoming.getOrDefault(BoatNames.key(b.name()), 0L), b.meetingPoint()))
                .toList();
        pages.render(ctx, "console/boats.jte", new BoatsPage.Listing(pages.shell("Boats", user, Section.BOATS), rows));
    }

    private void show(Context ctx, SignedIn user) {
        Optional<GuestPageModule.Boat> boat = boat(ctx);
        if (boat.isEmpty()) {
            pages.notFound(ctx, user, "boat of this name");
            return;
        }
        GuestPageModule.Boat b = boat.get();
        Map<String, String> values = Map.of(
                "display_name", b.name(),
                "meeting_point", b.meetingPoint().orElse(""),
                "map_url", b.mapUrl().orElse(""),
                "what_to_bring", String.join("\n", b.whatToBring()));
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("saved"))
                .map(n -> "Saved. "
                        + switch (n) {
                            case "0" -> "No upcoming guest page to update.";
                            case "1" -> "1 upcoming guest page shows it now.";
                            default -> n.matches("[0-9]{1,6}") ? n + " upcoming guest pages show it now." : "";
                        });
        renderForm(ctx, user, b, values, FieldErrors.none(), notice);
    }

    private void save(Context ctx, SignedIn user) {
        Optional<GuestPageModule.Boat> boat = boat(ctx);
        if (boat.isEmpty()) {
            pages.notFound(ctx, user, "boat of this name");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("display_name", "meeting_point", "map_url", "what_to_bring")) {
            values.put(
                    name, Objects.requireNonNullElse(Forms.field(ctx, name), "").strip());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var items = body.putArray("what_to_bring");
        values.get("what_to_bring")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .forEach(items::add);
        body.put("meeting_point", values.get("meeting_point"));
        body.put("map_url", values.get("map_url"));
        int republished;
        try {
            republished = boats.saveBoat(boat.get().name(), values.get("display_name"), body, user.actor());
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            renderForm(
                    ctx,
                    user,
                    boat.get(),
                    values,
                    FieldErrors.of(e.errors(), f -> f.startsWith("what_to_bring[") ? "what_to_bring" : f, LABELS),
                    Optional.empty());
            return;
        }
        ctx.redirect(BoatsPage.path(values.get("display_name")) + "?saved=" + republished, HttpStatus.SEE_OTHER);
    }

    private Optional<GuestPageModule.Boat> boat(Context ctx) {
        String name = ctx.pathParam("boat");
        return name.isBlank() || name.length() > 80 ? Optional.empty() : boats.boat(name);
    }

    private void renderForm(
            Context ctx,
            SignedIn user,
            GuestPageModule.Boat boat,
            Map<String, String> values,
            FieldErrors errors,
            Optional<String> notice) {
        pages.render(
                ctx,
                "console/boat.jte",
                new BoatsPage.Form(
                        pages.shell(boat.name(), user, Section.BOATS),
                        boat.name(),
                        values,
                        errors,
                        notice,
                        boat.ownList()));
    }

    /** Per boat key, how many bookings not cancelled have not ended. */
    private Map<String, Long> upcomingByBoat() {
        Instant now = clock.instant();
        Map<String, Long> counts = new HashMap<>();
        // A day before today (UTC) covers every zone; the end of each charter then decides.
        String from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1).toString();
        Optional<UUID> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, List<String>> params = new HashMap<>();
            params.put("from", List.of(from));
            params.put("limit", List.of("500"));
            after.ifPresent(a -> params.put("after", List.of(a.toString())));
            BookingDesk.Listing listing = desk.list(params);
            for (BookingStatus s : listing.bookings()) {
                if (s.state() != BookingState.CANCELLED && endsAt(s).isAfter(now)) {
                    counts.merge(BoatNames.key(s.booking().boat()), 1L, Long::sum);
                }
            }
            after = listing.next();
            if (after.isEmpty()) {
                break;
            }
        }
        return counts;
    }

    private static Instant endsAt(BookingStatus s) {
        return s.booking()
                .startsAt()
                .toInstant()
                .plusSeconds(s.booking()
                        .durationHours()
                        .multiply(BigDecimal.valueOf(3600))
                        .longValue());
    }
}
