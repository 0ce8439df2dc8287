package io.chartersync.feed;

import java.net.URI;
import java.util.Optional;

/**
 * Fetches a feed's URL: http or https only, at most 5 MiB, 30 s and 3 redirects, with a conditional GET
 * (ETag, Last-Modified); unless private addresses are allowed, every connection (redirects included) goes
 * only to an address checked not to be loopback, private, link-local, multicast or cloud metadata (the
 * address checked is the address connected to, so DNS rebinding cannot slip past).
 */
final class FeedFetcher implements AutoCloseable {

    /** What a server last said to identify its version of the file, sent back on the next poll. */
    record Validators(Optional<String> etag, Optional<String> lastModified) {
        static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
    }

    /** A fetch's result: the file and its validators, or "not modified" (HTTP 304). */
    sealed interface Fetched permits Body, NotModified {}

    record Body(byte[] bytes, Validators validators) implements Fetched {}

    record NotModified() implements Fetched {}

    private final boolean allowPrivateAddresses;

    FeedFetcher(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** @throws FeedFailure for anything but a 2xx body or a 304 */
    Fetched fetch(URI url, Validators validators) throws FeedFailure {
        throw new UnsupportedOperationException("helper feed-core implements this " + allowPrivateAddresses);
    }

    @Override
    public void close() {}
}
