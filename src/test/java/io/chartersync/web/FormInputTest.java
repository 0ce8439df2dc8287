package io.chartersync.web;

import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public form routes (photo upload, crew answers) with bodies no browser sends: 4xx, never 500. */
class FormInputTest {
    private static final String MULTIPART = "multipart/form-data; boundary=----the-boundary";
    private static final String GARBAGE = "this is not multipart at all\r\n--not-the-boundary\r\n\r\n";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void a_malformed_multipart_photo_upload_answers_400_problem_and_stores_nothing() {
        Map<String, Long> before = TestDatabase.rowCounts();

        TestHttp.Response response =
                app.http().send("POST", "/g/some-guest-page-x1y2/photos", GARBAGE, MULTIPART, NOBODY);

        assertProblem(response, 400);
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void a_multipart_body_without_its_closing_boundary_answers_400() {
        String truncated = "------the-boundary\r\nContent-Disposition: form-data; name=\"upload_token\"\r\n\r\nabc";

        assertProblem(app.http().send("POST", "/g/some-guest-page-x1y2/photos", truncated, MULTIPART, NOBODY), 400);
    }

    @Test
    void a_malformed_multipart_crew_answer_answers_400_problem() {
        assertProblem(app.http().send("POST", "/m/some-token/respond", GARBAGE, MULTIPART, NOBODY), 400);
    }

    @Test
    void a_photo_upload_that_is_not_a_form_answers_415() {
        assertProblem(app.http().send("POST", "/g/some-guest-page-x1y2/photos", "{}", "application/json", NOBODY), 415);
        assertProblem(app.http().send("POST", "/m/some-token/respond", "answer=confirm", "text/plain", NOBODY), 415);
    }

    @Test
    void a_url_encoded_form_with_broken_escapes_answers_4xx_problem() {
        TestHttp.Response response = app.http().form("/m/some-token/respond", "answer=%zz&csrf=%");

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_chunked_url_encoded_answer_over_one_mebibyte_answers_413_problem() throws Exception {
        byte[] huge = ("answer=confirm&csrf=" + "x".repeat(2 * (int) HttpServer.MAX_BODY_BYTES))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(app.baseUrl().resolve("/m/some-token/respond"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_chunked_photo_upload_over_the_limit_answers_413_problem() throws Exception {
        long size = 27L * 1024 * 1024;
        byte[] head = ("------the-boundary\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(app.baseUrl().resolve("/g/some-guest-page-x1y2/photos"))
                .header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long sent;

                    @Override
                    public int read() {
                        long at = sent++;
                        return at < head.length ? head[(int) at] : at < size ? 'x' : -1;
                    }
                }))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
