package io.chartersync.crew;

import io.chartersync.mail.EmailContent;
import io.chartersync.mail.EmailContent.Row;
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

    static EmailContent change(CrewView v, String linkUrl) {
        return askToConfirm(
                "Changed: " + v.boat() + " charter now " + v.shortWhen() + " - please confirm again",
                "The charter changed: " + v.eventName(),
                "Hi " + v.memberName()
                        + ", the time or place of this charter changed. Your earlier answer no longer counts; please confirm again.",
                v,
                "Review and confirm",
                linkUrl);
    }

    static EmailContent reassigned(CrewView v, String linkUrl) {
        return askToConfirm(
                "Changed: your role on the " + v.boat() + " charter " + v.shortWhen() + " - please confirm again",
                "Your assignment changed: " + v.eventName(),
                "Hi " + v.memberName() + ", you are now on this charter as " + v.role() + ". Please confirm again.",
                v,
                "Review and confirm",
                linkUrl);
    }

    /** To the operator (or captain): a booking's entry clashes with another; built from the event, no revenue. */
    static EmailContent conflict(StoredEvent e, String otherEntry) {
        String when = SHORT_ZONED.format(e.localStart());
        return new EmailContent(
                "Conflict: " + e.boat() + " charter " + when + " overlaps another calendar entry",
                "Calendar conflict: " + e.eventName(),
                "This booking was accepted (a marketplace booking cannot be refused), but its calendar entry"
                        + " overlaps another for the same boat or crew. Please resolve it.",
                List.of(
                        new Row("When", when),
                        new Row("Boat", e.boat()),
                        new Row("Where", e.location()),
                        new Row("Guest", e.guestName()),
                        new Row("Clashes with calendar entry", otherEntry)),
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
                FOOTER);
    }

    static EmailContent cancellation(CrewView v) {
        return new EmailContent(
                "Cancelled: " + v.boat() + " charter " + v.shortWhen(),
                "This charter is cancelled",
                "Hi " + v.memberName() + ", the charter below is cancelled. You are free for that time.",
                List.of(new Row("When", v.when()), new Row("Boat", v.boat()), new Row("Where", v.location())),
                Optional.empty(),
                FOOTER);
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
        return new EmailContent(
                subject, heading, intro, details(v), Optional.of(new EmailContent.Action(action, linkUrl)), FOOTER);
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
            rows.add(new Row("Guest page", v.guestPageUrl()));
        }
        return rows;
    }

    private CrewEmails() {}
}
