package io.chartersync.guestpage;

import io.chartersync.common.Formats;
import io.chartersync.common.OperatorContact;
import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailContent.Row;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of every guest email, built from {@link GuestPagePort.PageRequest} (no revenue, no internal note)
 * and the operator's contact. Each carries the guest page's address as a link.
 */
final class GuestEmails {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a z", Locale.US);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);

    private GuestEmails() {}

    /** The booking is synced: here is your page. */
    static EmailContent page(GuestPagePort.PageRequest r, String pageUrl, OperatorContact operator) {
        List<Row> rows = new ArrayList<>(details(r, pageUrl));
        rows.addAll(contact(operator));
        return new EmailContent(
                "Your " + r.boat() + " charter " + SHORT.format(startsAt(r)) + ": your guest page",
                "Welcome aboard, " + r.guestName() + "!",
                "Your charter is booked. Your guest page has the time, the meeting point, what to bring, and a place"
                        + " to share your photos after the trip.",
                rows,
                Optional.of(new EmailContent.Action("Open your guest page", pageUrl)),
                footer(operator));
    }

    /** The time, length, boat or meeting point changed: each change old → new, then the charter as it is now. */
    static EmailContent change(
            GuestPagePort.PageRequest before,
            GuestPagePort.PageRequest after,
            String pageUrl,
            OperatorContact operator) {
        List<Row> rows = new ArrayList<>(changes(before, after));
        rows.addAll(details(after, pageUrl));
        rows.addAll(contact(operator));
        return new EmailContent(
                "Changed: your " + after.boat() + " charter is now " + SHORT.format(startsAt(after)),
                "Your charter changed",
                "Hi " + after.guestName() + ", your charter changed as shown below. Your guest page has the new"
                        + " details.",
                rows,
                Optional.of(new EmailContent.Action("Open your guest page", pageUrl)),
                footer(operator));
    }

    /** The charter is cancelled. */
    static EmailContent cancellation(GuestPagePort.PageRequest r, String pageUrl, OperatorContact operator) {
        List<Row> rows = new ArrayList<>(List.of(
                new Row("When", WHEN.format(startsAt(r))),
                new Row("Boat", r.boat()),
                Row.link("Guest page", pageUrl, pageUrl)));
        rows.addAll(contact(operator));
        return new EmailContent(
                "Cancelled: your " + r.boat() + " charter " + DAY.format(startsAt(r)),
                "Your charter was cancelled",
                "Hi " + r.guestName() + ", your charter on " + r.boat() + " on " + WHEN.format(startsAt(r))
                        + " will not take place. If you have questions, please contact "
                        + operator.name().orElse("your charter operator") + ".",
                rows,
                Optional.empty(),
                footer(operator));
    }

    /** What a guest sees changed between two versions of the page: time, length, boat, meeting point. */
    static List<Row> changes(GuestPagePort.PageRequest before, GuestPagePort.PageRequest after) {
        List<Row> rows = new ArrayList<>();
        String then = WHEN.format(startsAt(before));
        String now = WHEN.format(startsAt(after));
        if (!startsAt(before).toInstant().equals(startsAt(after).toInstant()) || !then.equals(now)) {
            rows.add(new Row("When", then + " → " + now));
        }
        if (before.durationHours().compareTo(after.durationHours()) != 0) {
            rows.add(new Row(
                    "Duration", Formats.hours(before.durationHours()) + " → " + Formats.hours(after.durationHours())));
        }
        if (!before.boat().equals(after.boat())) {
            rows.add(new Row("Boat", before.boat() + " → " + after.boat()));
        }
        if (!before.location().equals(after.location())) {
            rows.add(new Row("Meet at", before.location() + " → " + after.location()));
        }
        return rows;
    }

    private static List<Row> details(GuestPagePort.PageRequest r, String pageUrl) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("When", WHEN.format(startsAt(r))));
        rows.add(new Row("Duration", Formats.hours(r.durationHours())));
        rows.add(new Row("Boat", r.boat()));
        rows.add(Row.link("Meet at", r.location(), Formats.mapUrl(r.location())));
        r.partySize().ifPresent(p -> rows.add(new Row("Party", r.guestName() + ", party of " + p)));
        rows.add(Row.link("Guest page", pageUrl, pageUrl));
        return rows;
    }

    /** The operator's contact, only what is set: a phone and an email as links. */
    static List<Row> contact(OperatorContact operator) {
        List<Row> rows = new ArrayList<>();
        operator.name().ifPresent(n -> rows.add(new Row("Your operator", n)));
        operator.phone()
                .ifPresent(
                        p -> rows.add(Row.link("Phone", p, operator.phoneUri().orElseThrow())));
        operator.email()
                .ifPresent(
                        e -> rows.add(Row.link("Email", e, operator.emailUri().orElseThrow())));
        return rows;
    }

    private static String footer(OperatorContact operator) {
        return "Sent by Charter Sync for " + operator.name().orElse("your charter operator") + ".";
    }

    private static ZonedDateTime startsAt(GuestPagePort.PageRequest r) {
        return r.start().atZone(r.timeZone());
    }
}
