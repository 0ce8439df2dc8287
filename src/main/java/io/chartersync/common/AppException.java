package io.chartersync.common;

import java.util.List;

/**
 * The one unchecked exception hierarchy of Charter Sync. The web layer maps each kind to a problem+json
 * answer in one place; workers map them to permanent failures.
 */
public abstract sealed class AppException extends RuntimeException
        permits AppException.InvalidInput,
                AppException.NotFound,
                AppException.Unauthorized,
                AppException.Conflict,
                AppException.Gone,
                AppException.Forbidden,
                AppException.TooManyRequests {

    private static final long serialVersionUID = 1L;

    AppException(String message) {
        super(message);
    }

    /** Input that breaks a rule; names every offending field. */
    public static final class InvalidInput extends AppException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        public InvalidInput(List<FieldError> errors) {
            super(summary(errors));
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
            super(what + " " + id + " not found");
        }
    }

    /** Missing or wrong credentials. */
    public static final class Unauthorized extends AppException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String detail) {
            super(detail);
        }
    }

    /** A request that clashes with the current state. */
    public static final class Conflict extends AppException {
        private static final long serialVersionUID = 1L;

        public Conflict(String detail) {
            super(detail);
        }
    }

    /** Something that existed and is no longer valid (a revoked link, say). */
    public static final class Gone extends AppException {
        private static final long serialVersionUID = 1L;

        public Gone(String detail) {
            super(detail);
        }
    }

    /** A request that holds valid credentials but may not do this (a form without its CSRF token, say). */
    public static final class Forbidden extends AppException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String detail) {
            super(detail);
        }
    }

    /** Too many requests from one client or for one link; it may try again after {@code retryAfterSeconds}. */
    public static final class TooManyRequests extends AppException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
