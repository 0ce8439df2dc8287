package io.chartersync.workflow;

/**
 * What a step that is done leaves behind, one type per step: later steps read it (the crew event carries
 * the guest page's URL), and the status document shows its {@link #stored() text}.
 */
sealed interface StepResult {
    /** The text kept in the step's checkpoint ({@code sync_step.result}) and shown in the status. */
    String stored();

    record CalendarEntry(String entryId) implements StepResult {
        @Override
        public String stored() {
            return entryId;
        }
    }

    record GuestPage(String url) implements StepResult {
        @Override
        public String stored() {
            return url;
        }
    }

    record CrewEvent(String eventId) implements StepResult {
        @Override
        public String stored() {
            return eventId;
        }
    }

    /** What the crew module answered when it queued the summary, or why none was queued. */
    record CaptainSummary(String outcome) implements StepResult {
        @Override
        public String stored() {
            return outcome;
        }
    }

    /** The result of {@code step} from its checkpoint's text. */
    static StepResult fromStored(SyncStep step, String text) {
        return switch (step) {
            case CALENDAR -> new CalendarEntry(text);
            case GUEST_PAGE -> new GuestPage(text);
            case CREW_EVENT -> new CrewEvent(text);
            case CAPTAIN_SUMMARY -> new CaptainSummary(text);
        };
    }
}
