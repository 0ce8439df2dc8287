package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.chartersync.testsupport.LogCapture;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that goes away in the middle of its body is no server error: no ERROR or WARN line, no stack
 * trace, and the request is counted with status 499 (client closed request), never 500.
 */
class ClientAbortTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void a_json_body_cut_short_logs_no_error_and_counts_as_499() throws IOException {
        try (LogCapture logs = LogCapture.start()) {
            sendHalfAndClose(
                    "POST /api/bookings HTTP/1.1\r\nHost: localhost\r\nX-Dashboard-Token: " + TestApp.OPERATOR_TOKEN
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"source\": \"boat");

            awaitCounted("/api/bookings");
            assertThat(logs.atLeast(Level.WARN)).isEmpty();
        }
        assertThat(metrics()).doesNotContainPattern("status=\"5\\d\\d\"");
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
    }

    @Test
    void a_form_body_cut_short_logs_no_error_and_counts_as_499() throws IOException {
        try (LogCapture logs = LogCapture.start()) {
            sendHalfAndClose("POST /m/some-token/respond HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nanswer=conf");

            awaitCounted("/m/{token}/respond");
            assertThat(logs.atLeast(Level.WARN)).isEmpty();
        }
        assertThat(metrics()).doesNotContainPattern("status=\"5\\d\\d\"");
    }

    @Test
    void a_multipart_upload_cut_short_logs_no_error_and_counts_as_499() throws IOException {
        try (LogCapture logs = LogCapture.start()) {
            sendHalfAndClose("POST /g/some-guest-page-x1y2/photos HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n"
                    + "Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\nxxxx");

            awaitCounted("/g/{slug}/photos");
            assertThat(logs.atLeast(Level.WARN)).isEmpty();
        }
        assertThat(metrics()).doesNotContainPattern("status=\"5\\d\\d\"");
    }

    private static void sendHalfAndClose(String request) throws IOException {
        try (Socket socket = new Socket("localhost", app.testApp().port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            sleep(200);
        }
    }

    /** Waits until the request is counted under its route with status 499. */
    private static void awaitCounted(String route) {
        String pattern = "http_server_requests_seconds_count\\{[^}]*route=\"" + route.replace("{", "\\{")
                + "\"[^}]*status=\"499\"[^}]*} 1";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(metrics()).containsPattern(pattern));
    }

    private static String metrics() {
        return app.http().get("/metrics", NOBODY).body();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
