package io.chartersync.calendar;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The boat rule holds across concurrent requests: the database, not a check-then-insert, decides. */
class ConcurrentCreatesTest {
    /**
     * Parallel enough to race (each create checks for a clash, then inserts), and fewer than the program's
     * connections (2 × task threads + 16), so none waits past the pool's 3 s on a loaded two-core machine and
     * answers 503 instead of racing.
     */
    private static final int REQUESTS = 20;

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void twenty_parallel_overlapping_creates_for_one_boat_make_exactly_one_active_entry() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                String body = Examples.calendarEntry()
                        .put("boat", "JADA")
                        .put("start_time", LocalTime.of(9, 0).plusMinutes(i).toString())
                        .toString();
                answers.add(pool.submit(() -> {
                    start.await();
                    return app.http().post("/calendar", body, OPERATOR);
                }));
            }
            start.countDown();
        }
        List<TestHttp.Response> responses = new ArrayList<>();
        for (Future<TestHttp.Response> answer : answers) {
            responses.add(answer.get());
        }

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(TestHttp.Response::status, Collectors.counting()));
        assertThat(byStatus)
                .as(responses.stream()
                        .filter(r -> r.status() != 201 && r.status() != 409)
                        .map(TestHttp.Response::body)
                        .collect(Collectors.joining("\n")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) REQUESTS - 1));
        String winner = responses.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.json().get("id").asText())
                .findFirst()
                .orElseThrow();
        assertThat(responses.stream().filter(r -> r.status() == 409).map(TestHttp.Response::contentType))
                .allSatisfy(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(responses.stream()
                        .filter(r -> r.status() == 409)
                        .map(r -> r.json().get("detail").asText()))
                .allSatisfy(detail -> assertThat(detail).contains(winner));
        assertThat(TestDatabase.count("select count(*) from calendar_entry where boat = 'JADA' and status = 'active'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from calendar_entry")).isEqualTo(1);
    }
}
