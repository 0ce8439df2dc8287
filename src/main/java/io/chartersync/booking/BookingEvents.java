package io.chartersync.booking;

import io.chartersync.common.BookingLog;

/** Intake's lines in the booking event log ({@link BookingLog}), written once the change is committed. */
final class BookingEvents {
    private BookingEvents() {}

    /** A new booking ({@code received}) or its next version ({@code new_version}); nothing when unchanged. */
    static BookingIntake.Result accepted(BookingIntake.Result result) {
        switch (result.outcome()) {
            case CREATED ->
                BookingLog.info("received", "booking received", subject(result)).log();
            case UPDATED ->
                BookingLog.info("new_version", "booking changed: new version", subject(result))
                        .log();
            case UNCHANGED -> {}
        }
        return result;
    }

    /** A cancel, carried to every system as the booking's next version; nothing when it was cancelled already. */
    static BookingIntake.Result cancelled(BookingIntake.Result result) {
        if (result.outcome() == Saved.Outcome.UPDATED) {
            BookingLog.info("cancelled", "booking cancelled", subject(result)).log();
        }
        return result;
    }

    static BookingLog.Subject subject(BookingIntake.Result result) {
        Booking b = result.booking();
        return BookingLog.Subject.of(result.id(), b.source(), b.externalId(), result.version(), b.boat());
    }
}
