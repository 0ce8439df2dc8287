package io.chartersync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chartersync.common.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's stop, on its own (no database): a request in flight when the stop begins is answered in full;
 * a request arriving meanwhile gets a 503 problem+json; once stopped, connections are refused.
 */
class HttpServerDrainTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a_stop_answers_the_request_in_flight_refuses_new_ones_with_503_then_closes_the_port() throws Exception {
        HttpServer server = new HttpServer(Json.mapper(), new SimpleMeterRegistry(), List.of(routes -> {
            routes.get("/slow", ctx -> {
                entered.countDown();
                release.await(20, TimeUnit.SECONDS);
                ctx.result("done");
            });
            routes.get("/fast", ctx -> ctx.result("fast"));
        }));
        int port = server.start(0);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(get(port, "/slow"), body());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> send(port, "/fast").statusCode() == 503);
        HttpResponse<String> refused = send(port, "/fast");
        release.countDown();
        HttpResponse<String> answered = inFlight.get(15, TimeUnit.SECONDS);
        stopped.get(15, TimeUnit.SECONDS);

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("done");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(refused.body()).contains("stopping");
        assertThatThrownBy(() -> send(port, "/fast")).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> send(int port, String path) throws Exception {
        return client.send(get(port, path), body());
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
