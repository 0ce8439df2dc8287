package io.chartersync.mail;

/** How a booking's emails stand. */
public record MailCounts(int queued, int sent, int failed) {}
