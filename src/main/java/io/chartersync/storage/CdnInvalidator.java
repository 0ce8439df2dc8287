package io.chartersync.storage;

import java.util.List;

/** Asks the CDN in front of the store to forget cached paths after a publish. */
public interface CdnInvalidator {

    /** {@code reference} identifies the publish, so a retried call does not invalidate twice. */
    void invalidate(List<String> paths, String reference);

    /** No CDN: the program serves the store itself, so there is nothing to invalidate. */
    static CdnInvalidator none() {
        return (paths, reference) -> {};
    }
}
