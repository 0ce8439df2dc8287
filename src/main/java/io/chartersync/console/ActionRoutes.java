package io.chartersync.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingStatus;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.crew.CrewModule;
import io.chartersync.feed.Feeds;
import io.chartersync.mail.FailedEmails;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.chartersync.workflow.SyncRetry;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The one-click fixes of Needs attention (and the booking's page): {@code POST /bookings/{id}/retry} (the
 * failed or stuck sync), {@code POST /bookings/{id}/resend} ({@code member}: that member's invitation; or
 * {@code email}: that failed email), {@code POST /bookings/{id}/replace} ({@code member} → {@code with}, a merge
 * patch of {@code crew_assignments}), {@code POST /bookings/{id}/keep} (keep a booking its marketplace feed no
 * longer lists: its {@code vanished_from_feed} flag goes until the feed lists it again). Each answers 303 to {@code back} (a path on this site; the booking's page
 * by default) with {@code ?done=…}, or a 400/404/409 page saying what is wrong, changing nothing.
 */
final class ActionRoutes implements RouteModule {
    private final Pages pages;
    private final BookingDesk bookings;
    private final SyncRetry retry;
    private final CrewModule crew;
    private final FailedEmails failedEmails;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Feeds feeds;

    ActionRoutes(
            Pages pages,
            BookingDesk bookings,
            SyncRetry retry,
            CrewModule crew,
            FailedEmails failedEmails,
            Jdbi jdbi,
            AuditLog audit,
            Feeds feeds) {
        this.feeds = feeds;
        this.pages = pages;
        this.bookings = bookings;
        this.retry = retry;
        this.crew = crew;
        this.failedEmails = failedEmails;
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** An action's handler: the booking exists, {@code back} is valid; answers what {@code ?done=} says. */
    @FunctionalInterface
    private interface Action {
        String run(Context ctx, SignedIn user, BookingStatus booking);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/bookings/{id}/retry", pages.form((ctx, user) -> act(ctx, user, this::retry)));
        routes.post("/bookings/{id}/resend", pages.form((ctx, user) -> act(ctx, user, this::resend)));
        routes.post("/bookings/{id}/replace", pages.form((ctx, user) -> act(ctx, user, this::replace)));
        routes.post("/bookings/{id}/keep", pages.form((ctx, user) -> act(ctx, user, this::keep)));
    }

    private void act(Context ctx, SignedIn user, Action action) {
        Optional<UUID> id = uuid(ctx.pathParam("id"));
        Optional<BookingStatus> booking = id.flatMap(bookings::find);
        if (booking.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        String fallback = "/bookings/" + booking.get().id();
        String back;
        try {
            back = back(Forms.field(ctx, "back"), fallback);
            String done = action.run(ctx, user, booking.get());
            ctx.redirect(withDone(back, done), HttpStatus.SEE_OTHER);
        } catch (AppException.InvalidInput e) {
            refuse(
                    ctx,
                    user,
                    400,
                    "This could not be done",
                    e.errors().stream().map(f -> f.field() + ": " + f.detail()).collect(Collectors.joining("; "))
                            + ". Nothing was changed.",
                    safeBack(ctx, fallback));
        } catch (AppException.NotFound e) {
            refuse(ctx, user, 404, "Not found", e.getMessage() + ". Nothing was changed.", safeBack(ctx, fallback));
        } catch (AppException.Conflict e) {
            refuse(ctx, user, 409, "Nothing to do", e.getMessage() + " Nothing was changed.", safeBack(ctx, fallback));
        }
    }

    private String retry(Context ctx, SignedIn user, BookingStatus booking) {
        retry.retry(booking.id(), user.actor());
        return "retry";
    }

    private String keep(Context ctx, SignedIn user, BookingStatus booking) {
        feeds.keep(booking.id(), user.actor());
        return "kept";
    }

    private String resend(Context ctx, SignedIn user, BookingStatus booking) {
        String member = blankToNull(Forms.field(ctx, "member"));
        String email = blankToNull(Forms.field(ctx, "email"));
        if ((member == null) == (email == null)) {
            throw AppException.InvalidInput.of(
                    member == null ? "member" : "email",
                    "send either member (to resend an invitation) or email (to resend a failed email), one of them");
        }
        if (member != null) {
            crew.resendInvitation(booking.id(), member, user.actor());
            return "invitation";
        }
        UUID emailId = uuid(email).orElseThrow(() -> AppException.InvalidInput.of("email", "is not an email's id"));
        boolean queued = jdbi.inTransaction(h -> {
            if (!failedEmails.resend(h, booking.id(), emailId)) {
                return false;
            }
            audit.append(
                    h,
                    new AuditEntry(
                            user.actor(),
                            "email.resent",
                            "email:" + emailId,
                            Map.of("booking", booking.id().toString())));
            return true;
        });
        if (!queued) {
            throw new AppException.Conflict(
                    "This booking has no failed email with that id (it may have been resent already).");
        }
        return "email";
    }

    private String replace(Context ctx, SignedIn user, BookingStatus booking) {
        String member = blankToNull(Forms.field(ctx, "member"));
        String with = blankToNull(Forms.field(ctx, "with"));
        if (member == null) {
            throw AppException.InvalidInput.of("member", "name the crew member to replace");
        }
        if (with == null) {
            throw AppException.InvalidInput.of("with", "choose who takes their place");
        }
        Booking b = booking.booking();
        if (b.crewAssignments().stream().noneMatch(a -> a.members().contains(member))) {
            throw AppException.InvalidInput.of("member", "'" + member + "' is not on this charter's crew");
        }
        if (b.crewAssignments().stream().anyMatch(a -> a.members().contains(with))) {
            throw AppException.InvalidInput.of("with", "'" + with + "' is on this charter's crew already");
        }
        if (crew.activeMembers().stream().noneMatch(m -> m.id().equals(with))) {
            throw AppException.InvalidInput.of("with", "'" + with + "' is not an active member of the roster");
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode assignments = json.arrayNode();
        for (Booking.CrewAssignment a : b.crewAssignments()) {
            ObjectNode node = assignments.addObject();
            node.put("role", a.role());
            node.put("count", a.count());
            if (a.hourlyRate() != null) {
                node.put("hourly_rate", a.hourlyRate());
            }
            ArrayNode members = node.putArray("members");
            a.members().forEach(m -> members.add(m.equals(member) ? with : m));
        }
        ObjectNode patch = json.objectNode();
        patch.set("crew_assignments", assignments);
        bookings.patch(booking.id(), patch, user.actor());
        return "replace";
    }

    private void refuse(Context ctx, SignedIn user, int status, String heading, String text, String back) {
        pages.message(ctx, status, pages.shell(heading, user, Optional.empty()), heading, text, back, "Go back");
    }

    /** Where to go after the action: {@code back} when it is a path on this site, else {@code fallback}. */
    static String back(String back, String fallback) {
        if (back == null || back.isBlank()) {
            return fallback;
        }
        if (!back.startsWith("/")
                || back.startsWith("//")
                || back.length() > 500
                || back.chars().anyMatch(c -> c == '\\' || c < 0x21 || c == 0x7f)) {
            throw new AppException.InvalidInput(
                    java.util.List.of(new FieldError("back", "must be a path on this site (starting with one /)")));
        }
        return back;
    }

    private static String safeBack(Context ctx, String fallback) {
        try {
            return back(Forms.field(ctx, "back"), fallback);
        } catch (AppException e) {
            return fallback;
        }
    }

    /** {@code back} with {@code done=…} added to its query, before any fragment. */
    static String withDone(String back, String done) {
        int hash = back.indexOf('#');
        String path = hash < 0 ? back : back.substring(0, hash);
        String fragment = hash < 0 ? "" : back.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + "done=" + done + fragment;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
