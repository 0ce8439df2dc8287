package io.chartersync.common;

/**
 * Something that is expected to pass by itself (an upload that has not arrived yet, a mail server that said
 * "try again later"): thrown by a durable task so it is retried with backoff. Its message is logged and
 * shown, so it names ids, never contents.
 */
public final class TransientFailure extends RuntimeException implements Failure {
    private static final long serialVersionUID = 1L;

    public TransientFailure(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.TRANSIENT;
    }
}
