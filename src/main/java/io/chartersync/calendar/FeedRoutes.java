package io.chartersync.calendar;

import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * {@code GET /calendar.ics?token=…}: the operator's read-only calendar feed (or one boat's, by the
 * token). Answers an ETag and 304 to {@code If-None-Match}, so subscribers poll cheaply.
 */
final class FeedRoutes implements RouteModule {
    private final FeedTokens tokens;
    private final CalendarService calendar;
    private final CalendarFeed feed;

    FeedRoutes(FeedTokens tokens, CalendarService calendar, String uidDomain) {
        this.tokens = tokens;
        this.calendar = calendar;
        this.feed = new CalendarFeed(uidDomain);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/calendar.ics", this::serve);
    }

    /** Every change to an entry raises its sequence, so ids, sequences and states fix the feed's content. */
    private static String etag(String name, List<CalendarEntry> entries) {
        StringBuilder state = new StringBuilder(name);
        for (CalendarEntry e : entries) {
            state.append('|')
                    .append(e.id())
                    .append(':')
                    .append(e.sequence())
                    .append(':')
                    .append(e.status().wire());
        }
        return "\"" + Hashes.sha256Hex(state.toString()).substring(0, 32) + "\"";
    }

    private void serve(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            throw AppException.InvalidInput.of("token", "is required: the feed URL printed by `charter-sync keys`");
        }
        FeedTokens.Feed found =
                tokens.find(token).orElseThrow(() -> new AppException.NotFound("calendar feed", "(this token)"));
        String name = found.boat().map(b -> b + " charters").orElse("Charters");
        List<CalendarEntry> entries = calendar.feedEntries(found.boat());
        String etag = etag(name, entries);
        ctx.header("ETag", etag).header("Cache-Control", "private, max-age=300");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/calendar; charset=utf-8").result(feed.render(name, entries));
    }
}
