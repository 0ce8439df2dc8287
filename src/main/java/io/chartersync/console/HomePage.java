package io.chartersync.console;

/** The console's home page. */
public record HomePage(Shell shell) {}
