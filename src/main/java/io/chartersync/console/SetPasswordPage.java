package io.chartersync.console;

import java.util.Optional;

/** The set-password form of a one-time link: whose it is, where it posts, an error, the CSRF token. */
public record SetPasswordPage(Shell shell, String email, String action, Optional<String> error, String csrf) {
    public int minLength() {
        return Passwords.MIN_LENGTH;
    }
}
