package io.chartersync.common;

/**
 * A failure that knows whether doing the same work again can succeed. Our own exceptions implement it, so
 * the retry decision of a durable task is a property of what went wrong, read in one place
 * ({@code db.Failures}), instead of a list of types kept by each task.
 */
public interface Failure {
    /** Whether trying again can help. */
    enum Kind {
        /** It may pass (an outage, a refusal an operator can fix, something not there yet): retry with backoff. */
        TRANSIENT,
        /** It will fail the same way again (invalid data, a bug): stop at once and say why. */
        PERMANENT
    }

    Kind kind();
}
