package io.chartersync.crew;

import io.chartersync.common.Formats;
import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailContent.Row;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The words of every crew email, built from {@link CrewView} only. */
final class CrewEmails {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.US);
    private static final DateTimeFormatter SHORT_ZONED = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a z", Locale.US);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a z", Locale.US);
    private static final String FOOTER =
            "Sent by Charter Sync for your charter operator. This link is personal: do not forward it.";
    /** For emails that carry no personal link (a removal, a cancellation). */
    private static final String PLAIN_FOOTER = "Sent by Charter Sync for your charter operator.";

    static EmailContent invitation(CrewView v, String linkUrl) {
        return askToConfirm(
                "Confirm: " + v.boat() + " charter " + v.shortWhen(),
                "You're on the crew: " + v.eventName(),
                "Hi " + v.memberName() + ", you are assigned as " + v.role()
                        + ". Please open the charter and confirm or decline.",
                v,
                "View and confirm",
                linkUrl);
    }

    /** The time or place changed: each change old → new, then the charter as it is now. */
    static EmailContent change(CrewView v, String linkUrl, List<Row> changes) {
        return askToConfirm(
                "Changed: " + v.boat() + " charter now " + v.shortWhen() + " - please confirm again",
                "The charter changed: " + v.eventName(),
                "Hi " + v.memberName()
                        + ", the time or place of this charter changed as shown below. Your earlier answer no longer"
                        + " counts; please confirm again.",
                changes,
                v,
                "Review and confirm",
                linkUrl);
    }

    /** A new role or rate: old → new, then the charter. */
    static EmailContent reassigned(CrewView v, String linkUrl, Link before) {
        List<Row> changes = new ArrayList<>();
        if (!before.role().equals(v.role())) {
            changes.add(new Row("Role", before.role() + " → " + v.role()));
        }
        if (!rate(before.hourlyRate()).equals(rate(v.hourlyRate()))) {
            changes.add(new Row("Your rate", rate(before.hourlyRate()) + " → " + rate(v.hourlyRate())));
        }
        return askToConfirm(
                "Changed: your role on the " + v.boat() + " charter " + v.shortWhen() + " - please confirm again",
                "Your assignment changed: " + v.eventName(),
                "Hi " + v.memberName() + ", you are now on this charter as " + v.role() + ". Please confirm again.",
                changes,
                v,
                "Review and confirm",
                linkUrl);
    }

    /** What crew see changed between two versions of an event: when, how long, where; old → new. */
    static List<Row> changes(StoredEvent before, StoredEvent after) {
        List<Row> rows = new ArrayList<>();
        String then = WHEN.format(before.localStart());
        String now = WHEN.format(after.localStart());
        if (!then.equals(now)) {
            rows.add(new Row("When", then + " → " + now));
        }
        if (before.durationHours().compareTo(after.durationHours()) != 0) {
            rows.add(new Row(
                    "Duration", Formats.hours(before.durationHours()) + " → " + Formats.hours(after.durationHours())));
        }
        if (!before.location().equals(after.location())) {
            rows.add(new Row("Where", before.location() + " → " + after.location()));
        }
        return rows;
    }

    private static String rate(Optional<BigDecimal> hourly) {
        return hourly.map(r -> "$" + r.stripTrailingZeros().toPlainString() + " an hour")
                .orElse("no rate");
    }

    /**
     * To the operator (or a captain): a booking's entry clashes with another booking, named by its guest, boat
     * and time; built from the event and the other's calendar facts, no revenue.
     */
    static EmailContent conflict(StoredEvent e, CrewPort.OtherBooking other) {
        String when = SHORT_ZONED.format(e.localStart());
        String otherWhen = SHORT_ZONED.format(other.startsAt());
        String otherName = other.guestName().isBlank() ? "another charter" : other.guestName() + "'s charter";
        String otherBoat = other.boat().isBlank() ? "" : " on " + other.boat();
        return new EmailContent(
                "Conflict: " + e.boat() + " charter " + when + " overlaps " + otherName + otherBoat + " " + otherWhen,
                "Calendar conflict: " + e.eventName(),
                "This booking was accepted (a marketplace booking cannot be refused), but it overlaps " + otherName
                        + otherBoat + " at " + otherWhen + ", for the same boat or crew. Please resolve it.",
                List.of(
                        new Row("When", when),
                        new Row("Boat", e.boat()),
                        new Row("Where", e.location()),
                        new Row("Guest", e.guestName()),
                        new Row(
                                "Clashes with",
                                (other.guestName().isBlank() ? "(no guest)" : other.guestName()) + ", "
                                        + (other.boat().isBlank() ? "(no boat)" : other.boat()) + ", " + otherWhen),
                        new Row(
                                "Other booking",
                                other.bookingId().map(Object::toString).orElse("none (calendar only)")),
                        new Row("Calendar entry", other.entryId())),
                Optional.empty(),
                "Sent by Charter Sync.");
    }

    static EmailContent removal(CrewView v) {
        return new EmailContent(
                "You're off the " + v.boat() + " charter " + v.shortWhen(),
                "You are no longer on this charter",
                "Hi " + v.memberName()
                        + ", you have been taken off this charter. Your link no longer works. Nothing else to do.",
                List.of(new Row("When", v.when()), new Row("Boat", v.boat())),
                Optional.empty(),
                PLAIN_FOOTER);
    }

    static EmailContent cancellation(CrewView v) {
        return new EmailContent(
                "Cancelled: " + v.boat() + " charter " + v.shortWhen(),
                "This charter is cancelled",
                "Hi " + v.memberName() + ", the charter below is cancelled. You are free for that time.",
                List.of(new Row("When", v.when()), new Row("Boat", v.boat()), new Row("Where", v.location())),
                Optional.empty(),
                PLAIN_FOOTER);
    }

    /** A crew member as the captain's briefing lists them: with their answer and phone number. */
    record Contact(String name, String role, String answer, Optional<String> phone) {}

    static EmailContent captainSummary(CrewView captain) {
        List<Row> rows = new ArrayList<>(details(captain));
        for (CrewView.Teammate t : captain.crew()) {
            rows.add(new Row("Crew: " + t.name(), t.role() + ", " + t.answer()));
        }
        long confirmed =
                captain.crew().stream().filter(CrewView.Teammate::confirmed).count();
        return new EmailContent(
                "Captain summary: " + captain.boat() + " charter " + captain.shortWhen() + " (" + confirmed + " of "
                        + captain.crew().size() + " confirmed)",
                "Captain summary: " + captain.eventName(),
                "Hi " + captain.memberName() + ", here is where your charter stands.",
                rows,
                captain.guestPageUrl().isBlank()
                        ? Optional.empty()
                        : Optional.of(new EmailContent.Action("Guest page", captain.guestPageUrl())),
                "Sent by Charter Sync for your charter operator.");
    }

    /** The evening before: who is coming, how to reach them, and the guest. */
    static EmailContent briefing(CrewView captain, List<Contact> crew) {
        List<Row> rows = new ArrayList<>(details(captain));
        for (Contact c : crew) {
            rows.add(new Row(
                    "Crew: " + c.name(),
                    c.role() + ", " + c.answer() + c.phone().map(p -> ", " + p).orElse(", no phone on file")));
        }
        return new EmailContent(
                "Briefing: " + captain.boat() + " charter " + captain.shortWhen() + " - final crew and guests",
                "Briefing: " + captain.eventName(),
                "Hi " + captain.memberName() + ", here is the final crew, how to reach them, and your guests.",
                rows,
                captain.guestPageUrl().isBlank()
                        ? Optional.empty()
                        : Optional.of(new EmailContent.Action("Guest page", captain.guestPageUrl())),
                "Sent by Charter Sync for your charter operator.");
    }

    /** To the operator (or captain): a crew member declined; built from the event, no revenue. */
    static EmailContent declined(StoredEvent e, String memberName, String role) {
        String when = SHORT.format(e.localStart());
        return new EmailContent(
                "Declined: " + memberName + " can't crew the " + e.boat() + " charter " + when,
                memberName + " declined: " + e.eventName(),
                memberName + " (" + role + ") declined this charter. Please find a replacement and update the booking.",
                List.of(
                        new Row("When", WHEN.format(e.localStart())),
                        new Row("Boat", e.boat()),
                        new Row("Where", e.location()),
                        new Row("Guest", e.guestName())),
                Optional.empty(),
                "Sent by Charter Sync.");
    }

    /** An email that asks the member to confirm: the charter's details and the personal link. */
    private static EmailContent askToConfirm(
            String subject, String heading, String intro, CrewView v, String action, String linkUrl) {
        return askToConfirm(subject, heading, intro, List.of(), v, action, linkUrl);
    }

    /** The same, with what changed (old → new) above the details. */
    private static EmailContent askToConfirm(
            String subject,
            String heading,
            String intro,
            List<Row> changes,
            CrewView v,
            String action,
            String linkUrl) {
        List<Row> rows = new ArrayList<>(changes);
        rows.addAll(details(v));
        return new EmailContent(
                subject, heading, intro, rows, Optional.of(new EmailContent.Action(action, linkUrl)), FOOTER);
    }

    private static List<Row> details(CrewView v) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("When", v.when()));
        rows.add(new Row("Duration", v.duration()));
        rows.add(new Row("Boat", v.boat()));
        rows.add(new Row("Where", v.location()));
        rows.add(new Row("Role", v.role()));
        rows.add(new Row(
                "Guest",
                v.guestName() + v.partySize().map(p -> " (party of " + p + ")").orElse("")));
        if (!v.crewNote().isBlank()) {
            rows.add(new Row("Note", v.crewNote()));
        }
        if (!v.guestPageUrl().isBlank()) {
            rows.add(Row.link("Guest page", v.guestPageUrl(), v.guestPageUrl()));
        }
        return rows;
    }

    private CrewEmails() {}
}
