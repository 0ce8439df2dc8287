package io.chartersync.crew;

/** The crew page's model: the member's view, after a POST the answer just recorded, and the link token. */
public record CrewPage(CrewView view, String answered, String token) {
    public boolean justConfirmed() {
        return "confirm".equals(answered);
    }

    public boolean justDeclined() {
        return "decline".equals(answered);
    }
}
