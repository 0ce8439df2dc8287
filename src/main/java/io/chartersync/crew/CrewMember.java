package io.chartersync.crew;

import java.util.List;
import java.util.Optional;

/**
 * A person on the roster; the phone number is shown to the captain only (in the briefing). A member who is
 * not {@code active} (deactivated in the console) stays on the charters they are on but cannot be put on a
 * booking again. Public for the console's crew pages ({@link Roster}).
 */
public record CrewMember(
        String id, String name, String email, List<String> roles, Optional<String> phone, boolean active) {
    public CrewMember {
        roles = List.copyOf(roles);
    }
}
