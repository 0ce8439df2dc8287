package io.chartersync.web;

import io.chartersync.common.FieldError;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
