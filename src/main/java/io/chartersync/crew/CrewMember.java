package io.chartersync.crew;

import java.util.List;
import java.util.Optional;

/** A person on the roster; the phone number is shown to the captain only (in the briefing). */
record CrewMember(String id, String name, String email, List<String> roles, Optional<String> phone) {
    CrewMember {
        roles = List.copyOf(roles);
    }
}
