package io.chartersync.web;

import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.RawHttp;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests Jetty refuses before any route sees them answer problem+json like every other refusal, and a
 * method a path does not take answers 405 with the methods it does take in {@code Allow}.
 */
class HttpProtocolErrorsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void a_uri_too_long_answers_414_problem() {
        RawHttp.Response response = RawHttp.send(
                app.testApp().port(),
                "GET",
                "/api/bookings?q=" + "x".repeat(20_000),
                Map.of("Host", "localhost"),
                null);

        assertRawProblem(response, 414);
    }

    @Test
    void headers_too_large_answer_431_problem() {
        RawHttp.Response response = RawHttp.send(
                app.testApp().port(),
                "GET",
                "/healthz",
                Map.of("Host", "localhost", "X-Padding", "x".repeat(20_000)),
                null);

        assertRawProblem(response, 431);
    }

    @Test
    void a_bad_request_line_answers_400_problem() {
        RawHttp.Response response = RawHttp.exchange(
                app.testApp().port(), "GARBAGE\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertRawProblem(response, 400);
    }

    @Test
    void a_header_without_a_colon_answers_400_problem() {
        RawHttp.Response response = RawHttp.exchange(
                app.testApp().port(),
                "GET /healthz HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertRawProblem(response, 400);
    }

    @Test
    void an_ambiguous_path_answers_400_problem() {
        RawHttp.Response response =
                RawHttp.send(app.testApp().port(), "GET", "/api/boats/JA%00DA", Map.of("Host", "localhost"), null);

        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_method_a_path_does_not_take_answers_405_with_allow() {
        assertThat(assertMethodNotAllowed(app.http().send("DELETE", "/api/bookings", null, null, OPERATOR)))
                .isEqualTo("GET, POST");
        assertThat(assertMethodNotAllowed(app.http()
                        .send("PATCH", "/calendar/" + java.util.UUID.randomUUID(), "{}", "application/json", OPERATOR)))
                .isEqualTo("DELETE, GET, PUT");
        assertThat(assertMethodNotAllowed(app.http().send("POST", "/healthz", "{}", "application/json", NOBODY)))
                .isEqualTo("GET");
        assertThat(assertMethodNotAllowed(app.http().send("PUT", "/m/some-token", "{}", "application/json", NOBODY)))
                .isEqualTo("GET, HEAD");
    }

    @Test
    void an_unknown_path_still_answers_404() {
        assertProblem(app.http().send("DELETE", "/no/such/thing", null, null, OPERATOR), 404);
    }

    private static String assertMethodNotAllowed(TestHttp.Response response) {
        assertThat(assertProblem(response, 405).get("detail").asText()).contains("it takes");
        return response.header("Allow").orElseThrow(() -> new AssertionError("no Allow header: " + response.raw()));
    }

    private static void assertRawProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\":\"");
    }
}
