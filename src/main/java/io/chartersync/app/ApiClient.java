package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small client of the operator API, used by the CLI commands, the demo and the benchmark. */
final class ApiClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.mapper();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** An answer: status code and parsed JSON body. */
    record Answer(int status, JsonNode body) {}

    Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new ApiException("could not reach the server at " + base + " (" + why(e)
                    + "): is `charter-sync serve` running there? (--url, or --port / PORT, says where)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted");
        }
    }

    /** {@code value} as one segment of a path ({@code /api/bookings/{id}}), whatever the user typed. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Why a request got no answer, in words: the JDK leaves the message of a refused connection empty. */
    static String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "no such host";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time";
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Sends and insists on a 2xx answer. */
    JsonNode expectOk(String method, String path, String body) {
        Answer answer = send(method, path, body);
        if (answer.status() / 100 != 2) {
            throw new ApiException(method + " " + path + " answered " + answer.status() + ": " + detail(answer));
        }
        return answer.body();
    }

    /** What a refusal says: a problem's {@code detail} and the fields it names, else the body as it came. */
    static String detail(Answer answer) {
        JsonNode body = answer.body();
        if (!body.hasNonNull("detail")) {
            return body.toString();
        }
        StringBuilder out = new StringBuilder(body.get("detail").asText());
        for (JsonNode error : body.path("errors")) {
            out.append("; ")
                    .append(error.path("field").asText())
                    .append(": ")
                    .append(error.path("detail").asText());
        }
        return out.toString();
    }

    String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    /** A failed API call, with what the server said. */
    static final class ApiException extends CommandFailure {
        private static final long serialVersionUID = 1L;

        ApiException(String message) {
            super(message);
        }
    }
}
