package io.chartersync.console;

/** A short page that says what happened and where to go next (an expired link, a refused form). */
public record MessagePage(Shell shell, String heading, String text, String linkHref, String linkText) {}
