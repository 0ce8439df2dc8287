package io.chartersync.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.AppException;
import io.chartersync.common.BoatNames;
import io.chartersync.common.BookingSources;
import io.chartersync.common.FieldError;
import io.chartersync.common.JsonFields;
import java.net.URI;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A feed to add, read from {@code POST /api/feeds}'s body (or the console's form, as the same JSON): {@code
 * source} (a booking source), {@code url} (http or https), {@code boat}, {@code interval_minutes} (default
 * {@value #DEFAULT_INTERVAL}, from {@value #MIN_INTERVAL} to {@value #MAX_INTERVAL}), {@code auto_cancel}
 * (default false). Anything else, or a bad value, is an {@link AppException.InvalidInput} naming each field.
 */
record FeedInput(String source, URI url, String boat, int intervalMinutes, boolean autoCancel) {
    static final int DEFAULT_INTERVAL = 15;
    static final int MIN_INTERVAL = 5;
    static final int MAX_INTERVAL = 1440;
    private static final int MAX_BOAT = 100;
    private static final Set<String> FIELDS = Set.of("source", "url", "boat", "interval_minutes", "auto_cancel");

    static FeedInput parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                f.error(name, "is not a field of a feed (source, url, boat, interval_minutes, auto_cancel)");
            }
        }
        String source = f.text("source", true).orElse("");
        if (!source.isEmpty() && !BookingSources.isValid(source)) {
            f.error("source", BookingSources.RULE);
        }
        Optional<URI> url = f.text("url", true).flatMap(text -> url(f, text));
        String boat = BoatNames.display(f.text("boat", true).orElse(""));
        if (boat.length() > MAX_BOAT) {
            f.error("boat", "must be at most " + MAX_BOAT + " characters");
        }
        int interval = f.wholeNumber("interval_minutes", false, MIN_INTERVAL, MAX_INTERVAL)
                .orElse(DEFAULT_INTERVAL);
        boolean autoCancel = autoCancel(f);
        f.throwIfAny();
        return new FeedInput(source, url.orElseThrow(), boat, interval, autoCancel);
    }

    /** The URL by {@link FeedUrl#parse}'s rules; its refusal is recorded against {@code url}. */
    private static Optional<URI> url(JsonFields f, String text) {
        try {
            return Optional.of(FeedUrl.parse(text));
        } catch (AppException.InvalidInput e) {
            for (FieldError error : e.errors()) {
                f.error("url", error.detail());
            }
        } catch (IllegalArgumentException e) {
            f.error("url", e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean autoCancel(JsonFields f) {
        JsonNode node = f.node("auto_cancel");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            f.error("auto_cancel", "must be true or false");
            return false;
        }
        return node.booleanValue();
    }
}
