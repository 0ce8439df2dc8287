package io.chartersync.feed;

import java.time.ZoneId;
import java.util.List;

/**
 * Reads a marketplace's iCalendar export into {@link FeedEvent}s: UTC, floating and TZID times (with or
 * without VTIMEZONE), folded lines, CRLF or LF, duplicate UIDs, RECURRENCE-ID. UTC and floating times are
 * read on the marina's clock.
 */
final class FeedParser {
    private final ZoneId marina;

    FeedParser(ZoneId marina) {
        this.marina = marina;
    }

    /**
     * Every event of the file, at most one per UID, in the file's order (past ones too: the caller
     * filters on time). An empty calendar is an empty list.
     *
     * @throws FeedFailure of kind UNPARSABLE when the body is not an iCalendar file
     */
    List<FeedEvent> parse(byte[] body) throws FeedFailure {
        throw new UnsupportedOperationException("helper feed-core implements this (marina " + marina + ")");
    }
}
