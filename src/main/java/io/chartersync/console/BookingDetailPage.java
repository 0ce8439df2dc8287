package io.chartersync.console;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A booking's page, as every console user may see it: its facts, versions with what changed, where each
 * system stands, the crew's answers, its emails and its audit trail. Nothing here carries revenue or the
 * internal note: those are in {@link OwnerFacts}, present for owners only, and a version's change of them
 * shows its values to owners only.
 */
public record BookingDetailPage(
        Shell shell,
        BookingSummary summary,
        Facts facts,
        Optional<OwnerFacts> owner,
        String stateLabel,
        Optional<String> runError,
        List<StepLine> steps,
        List<VersionLine> versions,
        List<EmailLine> emails,
        List<AuditLine> audit,
        Optional<String> guestPageUrl,
        Optional<String> notice,
        boolean cancelled) {

    public BookingDetailPage {
        steps = List.copyOf(steps);
        versions = List.copyOf(versions);
        emails = List.copyOf(emails);
        audit = List.copyOf(audit);
    }

    public UUID id() {
        return summary.id();
    }

    public String href() {
        return "/bookings/" + summary.id();
    }

    /** The page keeps itself fresh (htmx polls its status part) while the sync has not settled. */
    public boolean polling() {
        return switch (summary.state()) {
            case PENDING, SYNCING -> true;
            case SYNCED, FAILED, CANCELLED -> false;
        };
    }

    /** A retry helps a failed sync, or one that has not settled (stuck). */
    public boolean retryable() {
        return !cancelled
                && switch (summary.state()) {
                    case FAILED, PENDING, SYNCING -> true;
                    case SYNCED, CANCELLED -> false;
                };
    }

    /** What the booking says, without revenue and the internal note. */
    public record Facts(
            String when,
            String duration,
            String boat,
            String location,
            String guestName,
            Optional<String> guestEmail,
            Optional<String> guestPhone,
            String party,
            List<AssignmentLine> assignments,
            String crewNote,
            String guestNote,
            boolean notifyGuest,
            String source,
            String externalId) {
        public Facts {
            assignments = List.copyOf(assignments);
        }
    }

    /** A role on the charter: how many, at what hourly rate (crew pay, never revenue), and who. */
    public record AssignmentLine(String role, int count, String hourlyRate, List<String> members) {
        public AssignmentLine {
            members = List.copyOf(members);
        }
    }

    /** What only an owner sees: the revenue and the internal note. */
    public record OwnerFacts(String revenue, String internalNote) {}

    /** One system's step of the current version: its state in words, and why it failed. */
    public record StepLine(String system, String state, String css, Optional<String> error) {}

    /**
     * A version: its number, when it was accepted, whether it cancelled the booking, and what it changed.
     */
    public record VersionLine(int version, String at, boolean cancels, List<Change> changes) {
        public VersionLine {
            changes = List.copyOf(changes);
        }
    }

    /** One changed field; {@code shown} false: only that it changed (revenue or the internal note, for a dispatcher). */
    public record Change(String field, String before, String after, boolean shown) {}

    /** One email of the booking: to whom (a name or role, or the address for owners), its state, its preview. */
    public record EmailLine(
            UUID id,
            String kind,
            String to,
            String subject,
            String state,
            String css,
            Optional<String> error,
            String at,
            String previewHref,
            Optional<String> bookingHref) {}

    /** One audit entry in plain words. */
    public record AuditLine(String at, String actor, String what) {}
}
