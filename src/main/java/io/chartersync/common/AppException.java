package io.chartersync.common;

import java.util.List;

/**
 * The one unchecked exception hierarchy of Charter Sync. The web layer maps each kind to a problem+json
 * answer in one place. For a durable task each says whether a retry can help: every kind but
 * {@link TooManyRequests} is permanent (the same data gets the same answer), so a sync step that hits one
 * fails at once with the message.
 */
public abstract sealed class AppException extends RuntimeException implements Failure
        permits AppException.InvalidInput,
                AppException.NotFound,
                AppException.Unauthorized,
                AppException.Conflict,
                AppException.Gone,
                AppException.Forbidden,
                AppException.TooManyRequests {

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    AppException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** Input that breaks a rule; names every offending field. */
    public static final class InvalidInput extends AppException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        public InvalidInput(List<FieldError> errors) {
            super(summary(errors), Kind.PERMANENT);
            this.errors = List.copyOf(errors);
        }

        public static InvalidInput of(String field, String detail) {
            return new InvalidInput(List.of(new FieldError(field, detail)));
        }

        public List<FieldError> errors() {
            return errors;
        }

        private static String summary(List<FieldError> errors) {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("InvalidInput needs at least one field error");
            }
            return String.join(
                    "; ",
                    errors.stream().map(e -> e.field() + ": " + e.detail()).toList());
        }
    }

    /** A thing that does not exist, named with its id. */
    public static final class NotFound extends AppException {
        private static final long serialVersionUID = 1L;

        public NotFound(String what, String id) {
            super(what + " " + id + " not found", Kind.PERMANENT);
        }
    }

    /** Missing or wrong credentials. */
    public static final class Unauthorized extends AppException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String detail) {
            super(detail, Kind.PERMANENT);
        }
    }

    /** A request that clashes with the current state. */
    public static final class Conflict extends AppException {
        private static final long serialVersionUID = 1L;

        public Conflict(String detail) {
            super(detail, Kind.PERMANENT);
        }
    }

    /** Something that existed and is no longer valid (a revoked link, say). */
    public static final class Gone extends AppException {
        private static final long serialVersionUID = 1L;

        public Gone(String detail) {
            super(detail, Kind.PERMANENT);
        }
    }

    /** A request that holds valid credentials but may not do this (a form without its CSRF token, say). */
    public static final class Forbidden extends AppException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String detail) {
            super(detail, Kind.PERMANENT);
        }
    }

    /** Too many requests from one client or for one link; it may try again after {@code retryAfterSeconds}. */
    public static final class TooManyRequests extends AppException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(detail, Kind.TRANSIENT);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
