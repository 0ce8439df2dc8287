package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.chartersync.common.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The roster's rules for a member (id, name, email, roles, phone), shared by {@code PUT /api/crew/{id}} and
 * the console's crew forms: a member, or {@link AppException.InvalidInput} naming every offending field.
 */
final class MemberParser {
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{5,30}$");
    /** A member's roles: a handful, each a short name. */
    private static final int MAX_ROLES = 10;

    private static final int MAX_ROLE_LENGTH = 40;

    private MemberParser() {}

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String idProblem() {
        return "must be lowercase letters, digits, '-' or '_' (e.g. crew-1)";
    }

    /** The member {@code id} as {@code body} describes it (active: a new member is). */
    static CrewMember parse(String id, JsonNode body) {
        JsonFields f = new JsonFields(body);
        if (!isId(id)) {
            f.error("id", idProblem());
        }
        String name = f.text("name", true).orElse("");
        String email = f.email("email", true).orElse("");
        List<String> roles = new ArrayList<>();
        var node = f.node("roles");
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                f.error("roles", "must be an array of role names");
            } else if (node.size() > MAX_ROLES) {
                f.error("roles", "holds at most " + MAX_ROLES + " roles");
            } else {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isTextual()
                            || node.get(i).asText().isBlank()
                            || node.get(i).asText().strip().length() > MAX_ROLE_LENGTH
                            || Characters.hasLineBreak(node.get(i).asText())) {
                        f.error(
                                "roles[" + i + "]",
                                "must be a role name of at most " + MAX_ROLE_LENGTH
                                        + " characters such as captain or crew");
                    } else {
                        roles.add(node.get(i).asText().strip());
                    }
                }
            }
        }
        Optional<String> phone = f.text("phone", false);
        phone.filter(p -> !PHONE.matcher(p).matches())
                .ifPresent(p ->
                        f.error("phone", "must be a phone number: digits, spaces, + - ( ) . (e.g. +1 619 555 0100)"));
        f.throwIfAny();
        return new CrewMember(id, name, email, roles, phone, true);
    }
}
