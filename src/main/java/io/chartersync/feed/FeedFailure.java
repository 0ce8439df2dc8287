package io.chartersync.feed;

/**
 * Why a poll failed, in words an operator can act on ({@link #getMessage()}); never the feed's URL path or
 * query (the URL is a secret). A failed poll changes no booking.
 */
final class FeedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for metrics and tests. */
    enum Kind {
        /** The server answered an HTTP error status. */
        HTTP_STATUS,
        /** No answer within the time limit. */
        TIMEOUT,
        /** The body is larger than the size limit. */
        TOO_LARGE,
        /** More redirects than allowed, or a redirect to something that is not http(s). */
        REDIRECTS,
        /** The host resolves to an address feeds may not reach (loopback, private, link-local, metadata...). */
        FORBIDDEN_ADDRESS,
        /** The host could not be reached (DNS, connection refused, TLS). */
        UNREACHABLE,
        /** The body is not an iCalendar file. */
        UNPARSABLE,
        /** The calendar is empty after a poll that listed events (a broken export, not "everything vanished"). */
        EMPTY
    }

    private final Kind kind;

    FeedFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
