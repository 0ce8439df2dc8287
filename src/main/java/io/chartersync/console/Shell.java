package io.chartersync.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the console's layout shows around every page: the page's title, the signed-in user (with the CSRF
 * token of the sign-out form), whether the page is a narrow form or a wide board, the section it belongs to
 * (highlighted in the navigation), how many bookings need attention (shown on every page), and whether the
 * mailbox exists (embedded mode, where emails are files).
 */
public record Shell(
        String title,
        Optional<SignedIn> user,
        boolean narrow,
        Optional<Section> section,
        int attentionCount,
        boolean mailbox) {

    static Shell signedOut(String title) {
        return new Shell(title, Optional.empty(), true, Optional.empty(), 0, false);
    }

    /** The signed-in user's role in words. */
    public String roleLabel() {
        return user.map(u -> switch (u.role()) {
                    case OWNER -> "owner";
                    case DISPATCHER -> "dispatcher";
                })
                .orElse("");
    }

    /** The sections in the navigation: all of them for an owner; for a dispatcher, not the owner's. */
    public List<Section> sections() {
        boolean owner = user.map(u -> u.role() == Role.OWNER).orElse(false);
        return Arrays.stream(Section.values())
                .filter(s -> owner || !s.ownerOnly())
                .filter(s -> mailbox || s != Section.MAILBOX)
                .toList();
    }

    public boolean current(Section s) {
        return section.map(s::equals).orElse(false);
    }
}
