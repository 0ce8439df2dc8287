package io.chartersync.app;

/**
 * A command that cannot do what was asked, for a reason its user can fix (a file that is not there, a server
 * that does not answer, a refusal): {@link Main} prints the message as one line, {@code charter-sync: …},
 * and exits 1, without a stack trace.
 */
class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
