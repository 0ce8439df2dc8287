package io.chartersync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP client for tests; sends the operator token, the service key, or nothing. */
public final class TestHttp {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final String operatorToken;

    TestHttp(URI base) {
        this(base, TestApp.OPERATOR_TOKEN);
    }

    private TestHttp(URI base, String operatorToken) {
        this.base = base;
        this.operatorToken = operatorToken;
    }

    /** A client for a program started elsewhere (a child process) that generated its own operator token. */
    public static TestHttp to(URI base, String operatorToken) {
        return new TestHttp(base, operatorToken);
    }

    /** Who is calling. */
    public enum As {
        OPERATOR,
        OPERATOR_BEARER,
        SERVICE,
        SERVICE_BEARER,
        NOBODY
    }

    public record Response(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    public Response get(String path, As as) {
        return send("GET", path, null, "application/json", as);
    }

    public Response post(String path, String json, As as) {
        return send("POST", path, json, "application/json", as);
    }

    public Response put(String path, String json, As as) {
        return send("PUT", path, json, "application/json", as);
    }

    public Response form(String path, String form) {
        return send("POST", path, form, "application/x-www-form-urlencoded", As.NOBODY);
    }

    public Response send(String method, String path, String body, String contentType, As as) {
        return send(method, path, body, contentType, as, new String[0]);
    }

    /** Sends {@code body} with {@code contentType}, or with no Content-Type header when that is null. */
    public Response send(String method, String path, String body, String contentType, As as, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        switch (as) {
            case OPERATOR -> request.header("X-Dashboard-Token", operatorToken);
            case OPERATOR_BEARER -> request.header("Authorization", "Bearer " + operatorToken);
            case SERVICE -> request.header("X-Service-Key", TestApp.SERVICE_KEY);
            case SERVICE_BEARER -> request.header("Authorization", "Bearer " + TestApp.SERVICE_KEY);
            case NOBODY -> {}
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
