package io.chartersync.console;

/** An email's preview: how it is listed, and its plain-text part (a crew member's personal link left out). */
public record EmailPreviewPage(
        Shell shell, BookingDetailPage.EmailLine email, String text, String backHref, String backLabel) {}
