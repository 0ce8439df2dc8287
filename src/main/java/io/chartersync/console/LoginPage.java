package io.chartersync.console;

import java.util.Optional;

/** The sign-in form: the email typed so far, an error or a notice, and the form's CSRF token. */
public record LoginPage(Shell shell, String email, Optional<String> error, Optional<String> notice, String csrf) {}
