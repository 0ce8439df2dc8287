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
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI base;

  TestHttp(URI base) {
    this.base = base;
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

  public Response send(String method, String path, String body, String contentType, As as, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    switch (as) {
      case OPERATOR -> request.header("X-Dashboard-Token", TestApp.OPERATOR_TOKEN);
      case OPERATOR_BEARER -> request.header("Authorization", "Bearer " + TestApp.OPERATOR_TOKEN);
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
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
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
