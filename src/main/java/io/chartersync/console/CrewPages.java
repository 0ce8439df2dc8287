package io.chartersync.console;

import io.chartersync.crew.CrewMember;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models of the Crew pages: the roster, and a member's form (new or existing) with their charters. */
public final class CrewPages {
    private CrewPages() {}

    /** The roster: every member, deactivated ones too (marked). */
    public record Roster(Shell shell, List<CrewMember> members) {}

    /** A charter of the member: when, boat, role, their answer in words, and the booking's page if any. */
    public record Charter(
            String when, String boat, String role, String answer, String answerClass, Optional<String> href) {}

    /**
     * A member's form: {@code member} is empty for a new one; {@code values} are what the form shows (the user's
     * own after a refused save).
     */
    public record Form(
            Shell shell,
            Optional<CrewMember> member,
            Map<String, String> values,
            FieldErrors errors,
            List<Charter> charters,
            Optional<String> notice) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean isNew() {
            return member.isEmpty();
        }

        public String action() {
            return member.map(m -> "/crew/" + m.id()).orElse("/crew");
        }
    }

    /** A member's roles in words. */
    public static String roles(CrewMember m) {
        return m.roles().isEmpty() ? "no roles" : String.join(", ", m.roles());
    }
}
