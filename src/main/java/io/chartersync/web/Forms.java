package io.chartersync.web;

import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;

/**
 * Reads HTML form bodies (URL-encoded or multipart) for the public form routes, so a body no browser sends
 * answers 4xx problem+json instead of escaping as a 500: 415 for another media type, 413 past the route's
 * limit (a chunked body included), 400 for a body that does not parse, and a client that went away
 * mid-body is left to {@link ClientAborts}. Field values go through {@link Characters} like JSON text.
 */
public final class Forms {
    private static final String URL_ENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private Forms() {}

    /** Refuses (415) a request whose Content-Type is not a form this route reads. */
    public static void requireForm(Context ctx, boolean multipartOnly) {
        String type = mediaType(ctx);
        boolean form = type.equals(MULTIPART) || (!multipartOnly && type.equals(URL_ENCODED));
        if (!form) {
            throw new HttpResponseException(
                    415,
                    "This route takes an HTML form: send Content-Type: " + MULTIPART
                            + (multipartOnly ? "" : " or " + URL_ENCODED) + ".");
        }
    }

    /** The request's media type, lower case, without parameters; empty when there is none. */
    public static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** A form field's value, or null when the form has none. */
    public static String field(Context ctx, String name) {
        String value = read(() -> ctx.formParam(name));
        if (value != null) {
            Characters.problem(value).ifPresent(why -> {
                throw AppException.InvalidInput.of(name, why);
            });
        }
        return value;
    }

    /** An uploaded file of a multipart form, or null when the form has none by that name. */
    public static UploadedFile file(Context ctx, String name) {
        return read(() -> ctx.uploadedFile(name));
    }

    private static <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (HttpResponseException | AppException e) {
            throw e;
        } catch (Exception e) {
            if (ClientAborts.isAbort(e)) {
                throw new ClientAborts.Aborted(e);
            }
            if (causedBy(e, IllegalStateException.class, "max length exceeded")) {
                throw new HttpResponseException(413, "The request body is larger than this route takes.");
            }
            if (causedBy(e, HttpException.class, "") || causedBy(e, IllegalArgumentException.class, "")) {
                throw AppException.InvalidInput.of("body", "is not a form this route can read: " + reason(e));
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable failure, Class<?> type, String message) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t) && (t.getMessage() == null ? "" : t.getMessage()).contains(message)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: what the parser found ("unexpected EOF in PREAMBLE"), with no body content. */
    private static String reason(Throwable failure) {
        String reason = "malformed";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        reason = reason.replaceFirst("^(\\S+Exception: )+", "");
        return reason.length() > 100 ? reason.substring(0, 100) + "…" : reason;
    }
}
