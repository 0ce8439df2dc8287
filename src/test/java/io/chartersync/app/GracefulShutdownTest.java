package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.OrphanPostgres;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while 50 bookings are being submitted at once (the program as its own process, embedded mode):
 * every request that reached the server gets a whole HTTP answer (201, or 503 once it is draining; a
 * connection attempted after the stop may be refused, never reset); every booking answered 201 is stored
 * and every stored one was answered 201; the process exits as stopped by SIGTERM; after a restart the
 * stored bookings reach synced.
 */
class GracefulShutdownTest {
    private static final int BOOKINGS = 50;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @AfterEach
    void noPostgresLeftRunning() {
        OrphanPostgres.stop(dataDir.resolve("pg"));
    }

    /** What one request got: an HTTP answer, a refused connection, or something else (a failure). */
    private record Outcome(String externalId, int status, String contentType, String failure) {
        boolean answered() {
            return status > 0;
        }

        boolean refused() {
            return failure != null && failure.startsWith(ConnectException.class.getName());
        }
    }

    @Test
    void sigterm_answers_every_request_in_flight_and_stores_exactly_the_bookings_answered_201() throws Exception {
        int port = ChildProcess.freePort();
        List<Outcome> outcomes;
        int exitCode;
        try (ChildProcess server = serve(port)) {
            String token = secret("dashboard-token");
            Examples.loadRoster(TestHttp.to(URI.create("http://localhost:" + port), token));

            CountDownLatch firstAnswer = new CountDownLatch(1);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Outcome>> sent = IntStream.range(0, BOOKINGS)
                        .mapToObj(i -> threads.submit(() -> {
                            go.await();
                            return submit(client, port, token, i, firstAnswer);
                        }))
                        .toList();
                go.countDown();
                firstAnswer.await();
                CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(server::stop);
                outcomes = new ArrayList<>();
                for (Future<Outcome> f : sent) {
                    outcomes.add(f.get());
                }
                exitCode = stopped.get();
            }
        }

        Set<String> answered201 = ids(outcomes, o -> o.status() == 201);
        long answered = outcomes.stream().filter(Outcome::answered).count();
        long refused = outcomes.stream().filter(Outcome::refused).count();
        System.out.printf(
                "GracefulShutdownTest: %d requests, %d answered (%d with 201, %s), %d refused at connect, %d failed;"
                        + " exit code %d%n",
                BOOKINGS,
                answered,
                answered201.size(),
                outcomes.stream()
                        .filter(o -> o.answered() && o.status() != 201)
                        .collect(Collectors.groupingBy(Outcome::status, Collectors.counting())),
                refused,
                BOOKINGS - answered - refused,
                exitCode);
        assertThat(outcomes)
                .as("every request answered, or refused before it was read")
                .allSatisfy(o ->
                        assertThat(o.answered() || o.refused()).as(o.toString()).isTrue());
        assertThat(outcomes)
                .filteredOn(Outcome::answered)
                .extracting(Outcome::status)
                .allSatisfy(status -> assertThat(status).isIn(201, 503));
        assertThat(outcomes)
                .filteredOn(o -> o.status() == 503)
                .extracting(Outcome::contentType)
                .allSatisfy(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answered201).as("bookings answered before the stop").isNotEmpty();
        assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(OrphanPostgres.running(dataDir.resolve("pg")))
                .as("PostgreSQL after the stop")
                .isEmpty();

        try (ChildProcess restarted = serve(port)) {
            TestHttp http = TestHttp.to(URI.create("http://localhost:" + port), secret("dashboard-token"));
            JsonNode stored =
                    http.get("/api/bookings?limit=100", OPERATOR).json().get("bookings");
            Set<String> storedIds = new TreeSet<>();
            stored.forEach(b -> storedIds.add(b.get("external_id").asText()));
            System.out.printf("GracefulShutdownTest: %d bookings stored%n", storedIds.size());

            assertThat(storedIds).as("stored = answered 201").isEqualTo(answered201);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .alias("every stored booking synced after the restart")
                    .until(() -> {
                        JsonNode all = http.get("/api/bookings?limit=100", OPERATOR)
                                .json()
                                .get("bookings");
                        for (JsonNode b : all) {
                            if (!b.get("state").asText().equals("synced")) {
                                return false;
                            }
                        }
                        return all.size() == storedIds.size();
                    });
            restarted.stop();
        }
    }

    /** Submits booking {@code n}, on a day of its own (no two share the boat or the crew). */
    private static Outcome submit(HttpClient client, int port, String token, int n, CountDownLatch firstAnswer) {
        String externalId = "SIGTERM-" + n;
        ObjectNode booking = Examples.futureBooking(3 + n);
        booking.put("external_id", externalId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bookings"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Dashboard-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(booking.toString()))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            firstAnswer.countDown();
            return new Outcome(
                    externalId,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    null);
        } catch (IOException e) {
            firstAnswer.countDown();
            Throwable cause = e.getCause() instanceof ConnectException c ? c : e;
            return new Outcome(externalId, 0, "", cause.getClass().getName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ChildProcess serve(int port) {
        ChildProcess child = ChildProcess.start(
                Main.class, Map.of(), "serve", "--data", dataDir.toString(), "--port", Integer.toString(port));
        try {
            child.awaitLineStartingWith("Press Ctrl-C", START);
            return child;
        } catch (RuntimeException | AssertionError e) {
            child.close();
            throw e;
        }
    }

    private static Set<String> ids(List<Outcome> outcomes, Predicate<Outcome> which) {
        return outcomes.stream().filter(which).map(Outcome::externalId).collect(Collectors.toCollection(TreeSet::new));
    }

    private String secret(String file) {
        try {
            return Files.readString(dataDir.resolve("secrets").resolve(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
