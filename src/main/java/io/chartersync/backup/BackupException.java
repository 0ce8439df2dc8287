package io.chartersync.backup;

/** A backup or restore refused, with a message for the operator saying why and what to do. */
public final class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
