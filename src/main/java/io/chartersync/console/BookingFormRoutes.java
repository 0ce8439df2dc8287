package io.chartersync.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.booking.Booking;
import io.chartersync.booking.BookingDesk;
import io.chartersync.booking.BookingStatus;
import io.chartersync.booking.Saved;
import io.chartersync.common.AppException;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking forms: a new booking ({@code GET /bookings/new}, {@code POST /bookings}) and an edit ({@code
 * GET/POST /bookings/{id}/edit}). Both validate with the intake's own rules ({@link BookingDesk#parse}, the
 * patch's whole-body check); an edit sends only what changed, as a JSON merge patch over the version the form
 * was opened on.
 */
final class BookingFormRoutes implements RouteModule {
    /** The source of the bookings made in the console. */
    static final String SOURCE = "console";

    private final Pages pages;
    private final ConsoleModule.Deps d;

    BookingFormRoutes(Pages pages, ConsoleModule.Deps d) {
        this.pages = pages;
        this.d = d;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/bookings/new", pages.page(this::newForm));
        routes.post("/bookings", pages.form(this::create));
        routes.get("/bookings/{id}/edit", pages.page(this::editForm));
        routes.post("/bookings/{id}/edit", pages.form(this::save));
    }

    private void newForm(Context ctx, SignedIn user) {
        LocalDate tomorrow =
                LocalDate.ofInstant(d.clock().instant(), d.marinaZone()).plusDays(1);
        Optional<BookingForm.OwnerFields> owner =
                user.role() == Role.OWNER ? Optional.of(new BookingForm.OwnerFields("", "USD", "")) : Optional.empty();
        show(ctx, user, 200, Optional.empty(), 0, "", BookingForm.blank(tomorrow), owner, Map.of(), List.of());
    }

    private void create(Context ctx, SignedIn user) {
        BookingForm form = BookingForm.read(ctx);
        Optional<BookingForm.OwnerFields> owner = ownerFields(ctx, user);
        ObjectNode body = form.json(owner);
        withoutNulls(body);
        body.put("source", SOURCE);
        body.put(
                "external_id",
                form.externalId().isBlank()
                        ? "c-" + d.random().lowerAlphanumeric(10)
                        : form.externalId().trim());
        body.put("time_zone", d.marinaZone().getId());
        Saved saved;
        try {
            Booking booking = d.bookings().parse(body);
            if (d.bookings().findByExternal(SOURCE, booking.externalId()).isPresent()) {
                throw AppException.InvalidInput.of(
                        "external_id", "another booking made here has this reference already");
            }
            saved = d.bookings().submit(booking, user.actor());
        } catch (AppException.InvalidInput e) {
            List<String> summary = BookingFormPage.newSummary();
            Map<String, String> errors = BookingFormPage.byField(e.errors(), summary);
            show(ctx, user, 400, Optional.empty(), 0, "", form, owner, errors, summary);
            return;
        }
        ctx.redirect("/bookings/" + saved.id() + "?done=created", HttpStatus.SEE_OTHER);
    }

    private void editForm(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = BookingDetailRoutes.find(d.bookings(), ctx.pathParam("id"));
        if (found.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        BookingStatus s = found.get();
        if (isCancelled(s)) {
            cancelledPage(ctx, user, s.id());
            return;
        }
        Booking b = s.booking();
        Optional<BookingForm.OwnerFields> owner =
                user.role() == Role.OWNER ? Optional.of(BookingForm.OwnerFields.of(b)) : Optional.empty();
        show(
                ctx,
                user,
                200,
                Optional.of(s.id()),
                s.version(),
                b.guest().name(),
                BookingForm.of(b),
                owner,
                Map.of(),
                List.of());
    }

    private void save(Context ctx, SignedIn user) {
        Optional<BookingStatus> found = BookingDetailRoutes.find(d.bookings(), ctx.pathParam("id"));
        if (found.isEmpty()) {
            pages.notFound(ctx, user, "booking");
            return;
        }
        BookingStatus s = found.get();
        if (isCancelled(s)) {
            cancelledPage(ctx, user, s.id());
            return;
        }
        if (!String.valueOf(s.version()).equals(ctx.formParam("version"))) {
            pages.message(
                    ctx,
                    409,
                    pages.shell("Changed meanwhile", user, Optional.empty()),
                    "This booking changed meanwhile",
                    "Someone (or a channel) changed it after you opened the form, so nothing was saved: your changes"
                            + " could undo theirs. Open the form again to see the booking as it is now.",
                    "/bookings/" + s.id() + "/edit",
                    "Reopen the form");
            return;
        }
        BookingForm form = BookingForm.read(ctx);
        Optional<BookingForm.OwnerFields> owner = ownerFields(ctx, user);
        JsonNode stored = d.bookings().body(s.booking());
        ObjectNode patch = BookingPatch.between(stored, form.json(owner));
        Saved saved;
        try {
            saved = patch.isEmpty()
                    ? new Saved(s.id(), s.version(), Saved.Outcome.UNCHANGED)
                    : d.bookings().patch(s.id(), patch, user.actor());
        } catch (AppException.InvalidInput e) {
            List<String> summary = BookingFormPage.newSummary();
            Map<String, String> errors = BookingFormPage.byField(e.errors(), summary);
            show(
                    ctx,
                    user,
                    400,
                    Optional.of(s.id()),
                    s.version(),
                    s.booking().guest().name(),
                    form,
                    owner,
                    errors,
                    summary);
            return;
        } catch (AppException.Conflict e) {
            cancelledPage(ctx, user, s.id());
            return;
        }
        String done = saved.outcome() == Saved.Outcome.UPDATED ? "saved" : "unchanged";
        ctx.redirect("/bookings/" + s.id() + "?done=" + done, HttpStatus.SEE_OTHER);
    }

    private static Optional<BookingForm.OwnerFields> ownerFields(Context ctx, SignedIn user) {
        return user.role() == Role.OWNER ? Optional.of(BookingForm.OwnerFields.read(ctx)) : Optional.empty();
    }

    private boolean isCancelled(BookingStatus s) {
        return BookingDetailRoutes.cancelled(d.bookings(), s);
    }

    private void cancelledPage(Context ctx, SignedIn user, UUID id) {
        pages.message(
                ctx,
                409,
                pages.shell("Cancelled", user, Optional.empty()),
                "This booking is cancelled",
                "A cancelled booking is not edited. To book the charter again, make a new booking.",
                "/bookings/" + id,
                "Back to the booking");
    }

    private void show(
            Context ctx,
            SignedIn user,
            int status,
            Optional<UUID> booking,
            int version,
            String guest,
            BookingForm form,
            Optional<BookingForm.OwnerFields> owner,
            Map<String, String> errors,
            List<String> summary) {
        String title = booking.isPresent() ? "Edit booking" : "New booking";
        Shell shell = booking.isPresent()
                ? pages.shell(title, user, Section.BOOKINGS)
                : pages.shell(title, user, Section.NEW_BOOKING);
        ctx.status(status);
        pages.render(
                ctx,
                "console/booking-form.jte",
                new BookingFormPage(
                        shell,
                        booking,
                        version,
                        guest,
                        form,
                        owner,
                        d.rosterNames().get(),
                        errors,
                        summary));
    }

    /** A new booking's body leaves out what the form left blank (the intake reads absent and null alike). */
    private static void withoutNulls(ObjectNode node) {
        node.properties().removeIf(e -> e.getValue().isNull());
        node.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                withoutNulls((ObjectNode) e.getValue());
            }
        });
    }
}
