package io.chartersync.console;

import io.chartersync.common.OperatorContact;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Settings page (owners only): the operator's contact (what the form shows, over the environment's
 * defaults), the calendar feed's URL, the console's users, and what the last action said: a notice, and a
 * one-time set-password link shown once.
 */
public record SettingsPage(
        Shell shell,
        Map<String, String> contact,
        FieldErrors contactErrors,
        OperatorContact defaults,
        Optional<String> feedUrl,
        List<Account> users,
        Map<String, String> newUser,
        FieldErrors userErrors,
        Optional<String> notice,
        Optional<OneTimeLink> link) {

    /** A set-password link, shown once after a user is added or reset. */
    public record OneTimeLink(String email, String url) {}

    public String contact(String name) {
        return contact.getOrDefault(name, "");
    }

    public String newUser(String name) {
        return newUser.getOrDefault(name, "");
    }

    /** The hint of a contact field: what an empty field falls back to. */
    public String fallback(Optional<String> fromEnvironment, String variable) {
        return fromEnvironment
                .map(v -> "Left empty: " + v + " (" + variable + ")")
                .orElse("Left empty: not shown (" + variable + " is not set either)");
    }

    /** Whether {@code account} is the signed-in user (who cannot remove themselves). */
    public boolean isYou(Account account) {
        return shell.user().map(u -> u.userId().equals(account.id())).orElse(false);
    }

    public String roleLabel(Account account) {
        return account.role() == Role.OWNER ? "Owner" : "Dispatcher";
    }
}
