package io.chartersync.crew;

import java.util.List;

/** A person on the roster. */
public record CrewMember(String id, String name, String email, List<String> roles) {
    public CrewMember {
        roles = List.copyOf(roles);
    }
}
