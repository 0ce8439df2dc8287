package io.chartersync.common;

/** One offending input field, in the JSON path form the client sent (`guest.email`). */
public record FieldError(String field, String detail) {}
