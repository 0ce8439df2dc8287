package io.chartersync.console;

/**
 * The console's sections, in the order of its navigation: where each lives and its name there. {@link
 * #ownerOnly} sections are not shown to a dispatcher (and their pages answer 403 to one).
 */
public enum Section {
    BOARD("/", "Board", false),
    ATTENTION("/attention", "Needs attention", false),
    BOOKINGS("/bookings", "Bookings", false),
    NEW_BOOKING("/bookings/new", "New booking", false),
    CREW("/crew", "Crew", false),
    BOATS("/boats", "Boats", false),
    FEEDS("/feeds", "Feeds", false),
    MAILBOX("/mailbox", "Mailbox", false),
    SETTINGS("/settings", "Settings", true);

    private final String path;
    private final String label;
    private final boolean ownerOnly;

    Section(String path, String label, boolean ownerOnly) {
        this.path = path;
        this.label = label;
        this.ownerOnly = ownerOnly;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public boolean ownerOnly() {
        return ownerOnly;
    }
}
