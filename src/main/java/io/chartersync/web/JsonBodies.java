package io.chartersync.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.chartersync.common.AppException;
import io.chartersync.common.Characters;
import io.chartersync.common.FieldError;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request body as one JSON object, or answers 415 (not JSON) or 400 naming what is wrong. Before
 * any field is read, the whole document is checked once, so no feature has to: one document and nothing
 * after it, no key twice in an object, at most {@value #MAX_DEPTH} levels deep, every number of at most
 * {@value #MAX_DIGITS} digits with an exponent of at most ±{@value #MAX_EXPONENT} (so no BigDecimal
 * overflows and no number prints as a million digits), and no text (key or value) with a character
 * {@link Characters} refuses.
 */
public final class JsonBodies {
    static final int MAX_DEPTH = 32;
    static final int MAX_DIGITS = 100;
    static final int MAX_EXPONENT = 100;
    private static final int MAX_ERRORS = 20;

    private final JsonFactory factory;
    private final ObjectReader reader;

    public JsonBodies(ObjectMapper json) {
        this.factory = json.getFactory();
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JsonNode object(Context ctx) {
        requireJson(ctx.header("Content-Type"));
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw AppException.InvalidInput.of("body", "a JSON object is required");
        }
        try {
            check(body);
            JsonNode node = reader.readTree(body);
            if (node == null || !node.isObject()) {
                throw AppException.InvalidInput.of("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw AppException.InvalidInput.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AppException.InvalidInput.of("body", "could not be read: " + e.getMessage());
        }
    }

    /**
     * A JSON route takes {@code application/json} or any {@code application/*+json}, in UTF-8. A request
     * without a Content-Type is read as JSON: the seed's clients send none.
     */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].strip();
        boolean json = type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
        for (int i = 1; json && i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.startsWith("charset=")) {
                String charset =
                        param.substring("charset=".length()).replace("\"", "").strip();
                json = charset.equals("utf-8") || charset.equals("utf8");
            }
        }
        if (!json) {
            throw new HttpResponseException(
                    415,
                    "This route takes a JSON body: send Content-Type: application/json (UTF-8), not '"
                            + (contentType.length() > 80 ? contentType.substring(0, 80) + "…" : contentType) + "'.");
        }
    }

    /** One pass over the tokens, naming each offending field as {@code guest.name} or {@code crew[0]}. */
    private void check(byte[] body) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser parser = factory.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (parser.getParsingContext().getNestingDepth() > MAX_DEPTH) {
                            throw AppException.InvalidInput.of("body", "nests deeper than " + MAX_DEPTH + " levels");
                        }
                        keys.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> keys.pop();
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        Characters.problem(name)
                                .ifPresent(why -> errors.add(new FieldError(path(parser), "its key " + why)));
                        if (!keys.peek().add(name)) {
                            errors.add(new FieldError(path(parser), "appears twice in one object"));
                        }
                    }
                    case VALUE_STRING ->
                        Characters.problem(parser.getText())
                                .ifPresent(why -> errors.add(new FieldError(path(parser), why)));
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (!withinBounds(parser.getText())) {
                            errors.add(new FieldError(
                                    path(parser),
                                    "is out of range: a number here has at most " + MAX_DIGITS
                                            + " digits and an exponent of at most ±" + MAX_EXPONENT));
                        }
                    }
                    default -> {}
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                if (parser.getParsingContext().inRoot() && parser.nextToken() != null) {
                    errors.add(new FieldError("body", "holds more after the JSON document: send one object"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new AppException.InvalidInput(errors);
        }
    }

    /** Digits and exponent of a JSON number's text, counted without parsing it. */
    static boolean withinBounds(String number) {
        String lower = number.toLowerCase(Locale.ROOT);
        int e = lower.indexOf('e');
        String mantissa = e < 0 ? lower : lower.substring(0, e);
        long digits = mantissa.chars().filter(Character::isDigit).count();
        if (digits > MAX_DIGITS) {
            return false;
        }
        if (e < 0) {
            return true;
        }
        String exponent = lower.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
        return exponent.length() <= 3 && Integer.parseInt(exponent) <= MAX_EXPONENT;
    }

    /** The dotted path of the parser's current key or value: {@code crew_assignments[0].role}. */
    private static String path(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push(c.getCurrentName() == null ? "" : "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
    }
}
