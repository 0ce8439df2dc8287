package io.chartersync.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.AppException;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads a request body as a JSON object, or answers 400 saying why not. */
public final class JsonBodies {
    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode object(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw AppException.InvalidInput.of("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AppException.InvalidInput.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AppException.InvalidInput.of("body", "could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw AppException.InvalidInput.of("body", "must be a JSON object");
        }
        return node;
    }
}
