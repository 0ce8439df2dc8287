package io.chartersync.feed;

import java.net.URI;
import java.util.Optional;

/** A feed's URL: checked when a feed is added, and shown only masked (the URL is a secret). */
final class FeedUrl {
    private FeedUrl() {}

    /**
     * The URL when it is an absolute http or https URL with a host (no user info), else why not, in words
     * for the {@code url} field's 400. Addresses are checked at connection time, not here.
     */
    static URI parse(String text) {
        throw new UnsupportedOperationException("helper feed-core implements this " + text);
    }

    /** "https://www.boatsetter.com/…" : the scheme and host only, so the secret path and query never show. */
    static String masked(URI url) {
        throw new UnsupportedOperationException("helper feed-core implements this " + Optional.of(url));
    }
}
