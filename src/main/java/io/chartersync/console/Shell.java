package io.chartersync.console;

import java.util.Optional;

/**
 * What the console's layout shows around every page: the page's title, the signed-in user (with the CSRF
 * token of the sign-out form), and whether the page is a narrow form or a wide board.
 */
public record Shell(String title, Optional<SignedIn> user, boolean narrow) {
    static Shell signedOut(String title) {
        return new Shell(title, Optional.empty(), true);
    }

    static Shell of(String title, SignedIn user) {
        return new Shell(title, Optional.of(user), false);
    }

    /** The signed-in user's role in words. */
    public String roleLabel() {
        return user.map(u -> switch (u.role()) {
                    case OWNER -> "owner";
                    case DISPATCHER -> "dispatcher";
                })
                .orElse("");
    }
}
