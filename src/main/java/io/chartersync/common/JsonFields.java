package io.chartersync.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields of a JSON body by dotted path ({@code guest.email}, {@code crew_assignments[0].role})
 * and collects every error, so one answer names every offending field.
 */
public final class JsonFields {
  private static final int MAX_TEXT = 2000;

  private final JsonNode root;
  private final List<FieldError> errors = new ArrayList<>();

  public JsonFields(JsonNode root) {
    this.root = root;
  }

  public JsonNode node(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      if (node == null) {
        return null;
      }
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        node = node.get(part.substring(0, bracket));
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        node = node == null ? null : node.get(index);
      } else {
        node = node.get(part);
      }
    }
    return node;
  }

  public boolean isObject(String path, boolean required) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      if (required) {
        error(path, "is required");
      }
      return false;
    }
    if (!node.isObject()) {
      error(path, "must be an object");
      return false;
    }
    return true;
  }

  public Optional<String> text(String path, boolean required) {
    JsonNode node = node(path);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        error(path, "is required");
      }
      return Optional.empty();
    }
    if (!node.isTextual()) {
      error(path, "must be a string");
      return Optional.empty();
    }
    String value = node.asText().strip();
    if (value.length() > MAX_TEXT) {
      error(path, "must be at most " + MAX_TEXT + " characters");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  public Optional<BigDecimal> decimal(String path, boolean required) {
    JsonNode node = node(path);
    if (node == null || node.isNull()) {
      if (required) {
        error(path, "is required");
      }
      return Optional.empty();
    }
    try {
      if (node.isNumber()) {
        return Optional.of(node.decimalValue());
      }
      if (node.isTextual()) {
        return Optional.of(new BigDecimal(node.asText().strip()));
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    error(path, "must be a number, was " + node);
    return Optional.empty();
  }

  public void error(String field, String detail) {
    errors.add(new FieldError(field, detail));
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new AppException.InvalidInput(errors);
    }
  }
  }
