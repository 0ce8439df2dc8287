package io.chartersync.console;

import java.util.UUID;

/** The user of a request with a live session, and the CSRF token every form of that session carries. */
public record SignedIn(UUID userId, String email, Role role, String csrf) {
    /** The audit log's actor for what this user does. */
    public String actor() {
        return "console:" + email;
    }
}
