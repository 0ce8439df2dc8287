package io.chartersync.console;

import java.util.List;

/** The confirmation before a cancellation: which charter, and who will be told. */
public record BookingCancelPage(
        Shell shell, BookingSummary summary, String when, List<String> told, boolean alreadyCancelled) {
    public BookingCancelPage {
        told = List.copyOf(told);
    }
}
