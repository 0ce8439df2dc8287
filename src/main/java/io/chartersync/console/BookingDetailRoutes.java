package io.chartersync.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.StepState;
import io.chartersync.mail.Mailbox;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A booking's page ({@code GET /bookings/{id}}), its emails' previews ({@code GET
 * /bookings/{id}/emails/{email}}) and its cancellation ({@code GET/POST /bookings/{id}/cancel}).
 */
final class BookingDetailRoutes implements RouteModule {
    private final Pages pages;
    private final ConsoleModule.Deps d;

    BookingDetailRoutes(Pages pages, ConsoleModule.Deps d) {
        this.pages = pages;
        this.d = d;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/bookings/{id}", pages.page(this::detail));
        routes.get("/bookings/{id}/emails/{email}", pages.page(this::preview));
        routes.get("/bookings/{id}/cancel", pages.page(this::confirmCancel));
        routes.post("/bookings/{id}/cancel", pages.form(this::cancel));
    }

    /** The booking of a path's id; empty for an unknown or malformed id. */
    static Optional<BookingStatus> find(BookingDesk desk, String id) {
        return uuid(id).flatMap(desk::find);
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the current version cancels the booking (its state says so only once the cancel is synced). */
    static boolean cancelled(BookingDesk desk, BookingStatus s) {
        List<BookingDesk.Version> versions = desk.versions(s.id());
        return !versions.isEmpty() && versions.getLast().stored().cancelled();
    }

    private void detail(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = find(d.bookings(), ctx.pathParam("id"));
        if (found.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        BookingStatus s = found.get();
        boolean owner = user.role() == Role.OWNER;
        List<BookingDesk.Version> versions = d.bookings().versions(s.id());
        boolean cancelled = !versions.isEmpty() && versions.getLast().stored().cancelled();
        Booking b = s.booking();
        BookingSummary summary = BookingSummary.of(s, d.crew().crewOf(s.id()));
        Map<String, String> names = d.rosterNames().get(); // read once: every member named below is in it
        pages.render(
                ctx,
                "console/booking.jte",
                new BookingDetailPage(
                        pages.shell(b.guest().name() + " · booking", user, Section.BOOKINGS),
                        summary,
                        facts(s, names),
                        owner ? Optional.of(ownerFacts(b)) : Optional.empty(),
                        stateLabel(s, cancelled),
                        Optional.ofNullable(s.error()),
                        steps(s),
                        versions(versions, owner, names),
                        d.outbox().ofBooking(s.id()).stream()
                                .map(l -> EmailLines.of(
                                        l, owner, d.marinaZone(), "/bookings/" + s.id() + "/emails/" + l.id()))
                                .toList(),
                        audit(s.id()),
                        Optional.ofNullable(s.guestPage().url()),
                        notice(ctx.queryParam("done")),
                        cancelled));
    }

    private void preview(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = find(d.bookings(), ctx.pathParam("id"));
        Optional<Mailbox.Letter> letter = uuid(ctx.pathParam("email"))
                .flatMap(d.outbox()::find)
                .filter(l -> found.isPresent()
                        && l.bookingId().equals(Optional.of(found.get().id())));
        if (letter.isEmpty()) {
            pages.notFound(ctx, user, "email");
            return;
        }
        String back = "/bookings/" + found.get().id();
        MailboxRoutes.showPreview(pages, d, ctx, user, letter.get(), back, "Back to the booking", Section.BOOKINGS);
    }

    private void confirmCancel(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = find(d.bookings(), ctx.pathParam("id"));
        if (found.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        BookingStatus s = found.get();
        BookingSummary summary = BookingSummary.of(s, d.crew().crewOf(s.id()));
        List<String> told = new ArrayList<>();
        summary.crew().forEach(c -> told.add(c.name() + " (" + c.role() + ")"));
        s.booking()
                .guestNotifyAddress()
                .ifPresent(a -> told.add("the guest, " + s.booking().guest().name()));
        pages.render(
                ctx,
                "console/booking-cancel.jte",
                new BookingCancelPage(
                        pages.shell("Cancel booking", user, Section.BOOKINGS),
                        summary,
                        DetailFormat.span(summary.startsAt(), summary.durationHours(), d.marinaZone()),
                        told,
                        isCancelledNow(s)));
    }

    private void cancel(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = find(d.bookings(), ctx.pathParam("id"));
        if (found.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        d.bookings().cancel(found.get().id(), user.actor());
        ctx.redirect("/bookings/" + found.get().id() + "?done=cancelled", HttpStatus.SEE_OTHER);
    }

    private boolean isCancelledNow(BookingStatus s) {
        return cancelled(d.bookings(), s);
    }

    private static Optional<String> notice(String done) {
        if (done == null) {
            return Optional.empty();
        }
        return switch (done) {
            case "created" -> Optional.of("Booked. The calendar, crew, guest page and emails are being set up.");
            case "saved" -> Optional.of("Saved. The change is being synced; whoever it concerns is told.");
            case "unchanged" -> Optional.of("Nothing was changed: the form held the booking as it was.");
            case "cancelled" -> Optional.of("Cancelled. The crew and the guest are being told.");
            default -> Optional.empty();
        };
    }

    private static String stateLabel(BookingStatus s, boolean cancelled) {
        return switch (s.state()) {
            case PENDING -> cancelled ? "cancelling" : "waiting to sync";
            case SYNCING -> cancelled ? "cancelling" : "syncing";
            case SYNCED -> "synced";
            case FAILED -> "sync failed";
            case CANCELLED -> "cancelled";
        };
    }

    private BookingDetailPage.Facts facts(BookingStatus s, Map<String, String> names) {
        Booking b = s.booking();
        return new BookingDetailPage.Facts(
                DetailFormat.span(b.startsAt(), b.durationHours(), d.marinaZone()),
                DetailFormat.hours(b.durationHours()),
                b.boat(),
                b.location(),
                b.guest().name(),
                b.guest().email(),
                b.guest().phone(),
                b.guest()
                        .partySize()
                        .map(n -> n + (n == 1 ? " guest" : " guests"))
                        .orElse("not given"),
                b.crewAssignments().stream()
                        .map(a -> new BookingDetailPage.AssignmentLine(
                                a.role(),
                                a.count(),
                                a.hourlyRate().stripTrailingZeros().toPlainString(),
                                a.members().stream().map(m -> name(m, names)).toList()))
                        .toList(),
                b.notes().crew(),
                b.notes().guest(),
                b.notifyGuest().orElse(true),
                b.source(),
                b.externalId());
    }

    private static String name(String memberId, Map<String, String> names) {
        return names.getOrDefault(memberId, memberId);
    }

    private static BookingDetailPage.OwnerFacts ownerFacts(Booking b) {
        return new BookingDetailPage.OwnerFacts(
                b.revenue().map(BookingDetailRoutes::money).orElse("not given"),
                b.notes().internal());
    }

    private static String money(Booking.Money m) {
        return m.amount()
                        .setScale(Math.max(2, m.amount().scale()), java.math.RoundingMode.UNNECESSARY)
                        .toPlainString() + " " + m.currency();
    }

    private static List<BookingDetailPage.StepLine> steps(BookingStatus s) {
        return s.steps().stream()
                .map(step -> new BookingDetailPage.StepLine(
                        system(step.step()),
                        switch (step.state()) {
                            case PENDING -> "not yet";
                            case DONE -> "done";
                            case FAILED -> "failed";
                        },
                        "step-" + step.state().wire(),
                        Optional.ofNullable(step.state() == StepState.DONE ? null : step.error())))
                .toList();
    }

    private static String system(String step) {
        return switch (step) {
            case "calendar" -> "Calendar";
            case "guest-page" -> "Guest page";
            case "crew-event" -> "Crew invitations";
            case "captain-summary" -> "Captain's summary";
            default -> step;
        };
    }

    /** Newest first, each with what it changed from the one before (values of revenue and notes for owners only). */
    private List<BookingDetailPage.VersionLine> versions(
            List<BookingDesk.Version> versions, boolean owner, Map<String, String> names) {
        List<BookingDetailPage.VersionLine> lines = new ArrayList<>();
        Booking before = null;
        for (BookingDesk.Version v : versions) {
            Booking now = v.stored().booking();
            List<BookingDetailPage.Change> changes = new ArrayList<>();
            if (before != null) {
                JsonNode a = d.bookings().body(before);
                JsonNode b = d.bookings().body(now);
                for (String field : d.bookings().changedFields(before, now)) {
                    changes.add(change(field, a, b, owner, names));
                }
            }
            lines.add(new BookingDetailPage.VersionLine(
                    v.stored().version(),
                    DetailFormat.moment(v.at(), d.marinaZone()),
                    v.stored().cancelled(),
                    changes));
            before = now;
        }
        return lines.reversed();
    }

    private BookingDetailPage.Change change(
            String field, JsonNode before, JsonNode after, boolean owner, Map<String, String> names) {
        boolean secret = field.startsWith("revenue") || field.equals("notes.internal");
        if (secret && !owner) {
            return new BookingDetailPage.Change(secret(field), "", "", false);
        }
        return new BookingDetailPage.Change(
                label(field), value(field, at(before, field), names), value(field, at(after, field), names), true);
    }

    private static String secret(String field) {
        return field.startsWith("revenue") ? "Revenue changed" : "Internal note changed";
    }

    private static JsonNode at(JsonNode body, String field) {
        JsonNode node = body;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static String value(String field, JsonNode node, Map<String, String> names) {
        if (node.isMissingNode()
                || node.isNull()
                || (node.isTextual() && node.asText().isEmpty())) {
            return "(none)";
        }
        if (field.equals("crew_assignments")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode a : node) {
                List<String> shown = new ArrayList<>();
                a.path("members").forEach(m -> shown.add(name(m.asText(), names)));
                parts.add(a.path("role").asText() + " ×" + a.path("count").asText()
                        + (shown.isEmpty() ? "" : ": " + String.join(", ", shown)));
            }
            return parts.isEmpty() ? "(none)" : String.join("; ", parts);
        }
        if (field.equals("start")) {
            return node.asText().replace('T', ' ');
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.toString();
    }

    private static String label(String field) {
        return switch (field) {
            case "start" -> "Start";
            case "duration_hours" -> "Duration (hours)";
            case "boat" -> "Boat";
            case "location" -> "Meeting point";
            case "guest.name" -> "Guest name";
            case "guest.email" -> "Guest email";
            case "guest.phone" -> "Guest phone";
            case "guest.party_size" -> "Party size";
            case "crew_assignments" -> "Crew";
            case "notes.crew" -> "Note for the crew";
            case "notes.guest" -> "Note for the guest";
            case "notes.internal" -> "Internal note";
            case "notify_guest" -> "Tell the guest";
            case "time_zone" -> "Time zone";
            default -> field.startsWith("revenue") ? "Revenue" : field;
        };
    }

    private List<BookingDetailPage.AuditLine> audit(UUID id) {
        List<AuditRecord> records = d.jdbi().withHandle(h -> AuditChain.entriesFor(h, "booking:" + id));
        return records.reversed().stream()
                .map(r -> new BookingDetailPage.AuditLine(
                        DetailFormat.moment(r.at(), d.marinaZone()), actor(r.actor()), what(r)))
                .toList();
    }

    private static String actor(String actor) {
        if (actor.startsWith("console:")) {
            return actor.substring("console:".length());
        }
        return switch (actor) {
            case "operator" -> "the operator API";
            case "sync" -> "the sync";
            case "cli" -> "the command line";
            case "service" -> "a service";
            default -> actor;
        };
    }

    /** An entry in plain words: never its raw details (which name changed fields, never their values). */
    private String what(AuditRecord r) {
        JsonNode details;
        try {
            details = d.json().readTree(r.details());
        } catch (java.io.IOException e) {
            details = d.json().createObjectNode();
        }
        String version =
                details.has("version") ? " (version " + details.path("version").asInt() + ")" : "";
        return switch (r.action()) {
            case "booking.created" ->
                "Booked" + version + " from " + details.path("source").asText("?");
            case "booking.updated" -> {
                List<String> fields = new ArrayList<>();
                details.path("changed").forEach(f -> fields.add(label(f.asText())));
                yield "Changed "
                        + (fields.isEmpty()
                                ? "the booking"
                                : String.join(", ", fields.stream().distinct().toList())) + version;
            }
            case "booking.cancelled" -> "Cancelled" + version;
            default -> r.action().replace('.', ' ').replace('-', ' ') + version;
        };
    }
}
