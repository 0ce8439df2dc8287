package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.storage.FileBlobStore;
import io.chartersync.storage.LocalUploads;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Limits, unknown paths, operations endpoints, the presign placeholder and guest-page headers. */
class HttpEdgesTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void body_over_one_mebibyte_is_refused_with_413_and_stores_nothing() {
        String huge = "{\"source\": \"boatsetter\", \"pad\": \"" + "x".repeat((int) HttpServer.MAX_BODY_BYTES) + "\"}";

        TestHttp.Response response = app.http().post("/api/bookings", huge, OPERATOR);

        assertProblem(response, 413);
        assertThat(response.json().get("detail").asText()).contains("1 MiB");
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
        assertThat(TestDatabase.count("select count(*) from scheduled_tasks")).isZero();
    }

    @Test
    void chunked_body_over_one_mebibyte_is_refused_too() throws Exception {
        byte[] huge = ("{\"pad\": \"" + "x".repeat(2 * (int) HttpServer.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(app.baseUrl().resolve("/api/bookings"))
                .header("X-Dashboard-Token", TestApp.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
    }

    @Test
    void unknown_path_answers_404_problem() {
        TestHttp.Response response = app.http().get("/no/such/thing", OPERATOR);

        assertProblem(response, 404);
        assertThat(response.json().get("detail").asText()).contains("/no/such/thing");
    }

    @Test
    void health_and_readiness_answer_200() {
        TestHttp.Response health = app.http().get("/healthz", NOBODY);
        TestHttp.Response ready = app.http().get("/readyz", NOBODY);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void metrics_are_prometheus_text_with_jvm_and_request_metrics() {
        app.http().get("/healthz", NOBODY);

        TestHttp.Response metrics = app.http().get("/metrics", NOBODY);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE ", "jvm_memory", "http_server_requests");
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/healthz\"[^}]*} [1-9]");
    }

    @Test
    void presign_with_a_wrong_upload_token_and_an_svg_names_both_fields() {
        String body =
                "{\"slug\": \"may-30-boatsetter-k3x9\", \"upload_token\": \"t\", \"content_type\": \"image/svg+xml\", \"size\": 123456}";

        TestHttp.Response response = app.http().post("/g/presign", body, NOBODY);

        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactly("upload_token", "content_type");
    }

    @Test
    void malformed_or_too_short_slugs_answer_404() {
        assertProblem(app.http().get("/g/NOT_A_SLUG!", NOBODY), 404);
        assertProblem(app.http().get("/g/ab", NOBODY), 404);
        assertProblem(app.http().get("/g/ab/", NOBODY), 404);
    }

    @Test
    void guest_page_is_served_with_nosniff_and_a_content_security_policy() {
        new FileBlobStore(
                        app.siteDir(),
                        new LocalUploads(
                                TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8),
                                app.baseUrl(),
                                java.time.Clock.systemUTC()))
                .put(
                        "g/edge-test-page-x7k2.html",
                        "<p>Hello guests</p>".getBytes(StandardCharsets.UTF_8),
                        "text/html; charset=utf-8",
                        "no-cache");

        TestHttp.Response page = app.http().get("/g/edge-test-page-x7k2/", NOBODY);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<p>Hello guests</p>");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    private static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
