package io.chartersync.workflow;

/** The steps of a booking version's sync, in the order they run. */
public enum SyncStep {
    CALENDAR("calendar"),
    GUEST_PAGE("guest-page"),
    CREW_EVENT("crew-event"),
    CAPTAIN_SUMMARY("captain-summary");

    private final String key;

    SyncStep(String key) {
        this.key = key;
    }

    /** The name stored in checkpoints and shown in logs. */
    public String key() {
        return key;
    }

    static SyncStep fromKey(String key) {
        for (SyncStep step : values()) {
            if (step.key.equals(key)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown sync step " + key);
    }
}
