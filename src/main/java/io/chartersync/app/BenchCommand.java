package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import io.chartersync.workflow.SyncProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: starts the embedded stack on a fresh data directory, submits bookings over loopback
 * HTTP at a given concurrency, waits until every one is synced and prints one line. Latency runs from
 * sending the intake request to the moment the booking's sync finished. A warm-up round (not counted,
 * its own external ids and dates) lets the JIT compile the hot paths first, as a long-running server has.
 */
@Command(name = "bench", description = "Benchmark: submit bookings over HTTP and time them to synced.")
final class BenchCommand implements Runnable {
    @Option(names = "--bookings", defaultValue = "1000", description = "How many bookings (default ${DEFAULT-VALUE})")
    int bookings;

    @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "Bookings a second, evenly spaced (default 0: as fast as the concurrency allows)")
    double rate;

    @Option(
            names = "--warmup",
            defaultValue = "300",
            description = "Bookings submitted and synced first, not counted (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--data", description = "Data directory (default: a new temporary directory)")
    Path data;

    /** Submissions that were refused or failed; they count as failed in the line. */
    private final AtomicInteger refused = new AtomicInteger();

    @Override
    public void run() {
        Path dir = data != null ? data : temporaryDirectory();
        AppConfig config = AppConfig.from(Map.of(), Map.of("DATA_DIR", dir.toString(), "PORT", "0"));
        try (Application app = Application.start(config)) {
            ApiClient client = new ApiClient(
                    app.baseUrl(),
                    Secrets.stored(dir, Secrets.DASHBOARD_TOKEN_FILE).orElseThrow());
            BenchCounts counts = new BenchCounts(
                    client,
                    new ApiClient(
                            app.baseUrl(),
                            Secrets.stored(dir, Secrets.SERVICE_KEY_FILE).orElseThrow()));
            SyncProgress progress = app.syncProgress();
            ObjectMapper json = Json.mapper();
            for (JsonNode member : read(json, "crew-roster.example.json")) {
                client.expectOk("PUT", "/api/crew/" + member.get("id").asText(), member.toString());
            }
            ObjectNode template = (ObjectNode) read(json, "booking.example.json");
            BenchCounts.Days warmupDays = new BenchCounts.Days(LocalDate.of(2040, 1, 1), warmup);
            BenchCounts.Days benchDays = new BenchCounts.Days(LocalDate.of(2030, 1, 1), bookings);
            if (warmup > 0) {
                Map<UUID, Instant> warm = submit(client, template, "WARMUP-", warmupDays);
                waitUntilSynced(progress, warm);
                awaitMailDelivered(counts);
            }
            Map<UUID, Instant> sent = submit(client, template, "BENCH-", benchDays);
            Instant first = Collections.min(sent.values());
            List<Long> latencies = waitUntilSynced(progress, sent);
            report(progress, counts.duplicates(List.of(warmupDays, benchDays)), bookings, latencies, first);
            System.err.println(stepTimes(app.baseUrl()));
        }
    }

    /** Where the time of a sync goes: the mean of each step, from the program's own metrics (warm-up included). */
    private static String stepTimes(java.net.URI base) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String metrics = http.send(
                            java.net.http.HttpRequest.newBuilder(base.resolve("/metrics"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<String, StepTime> steps = new java.util.TreeMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "(?m)^chartersync_sync_step_seconds_(sum|count)\\{step=\"([a-z-]+)\"\\} ([0-9.E+-]+)$")
                    .matcher(metrics);
            while (m.find()) {
                double value = Double.parseDouble(m.group(3));
                StepTime part = m.group(1).equals("sum") ? new StepTime(value, 0) : new StepTime(0, value);
                steps.merge(m.group(2), part, StepTime::plus);
            }
            StringBuilder line = new StringBuilder("bench steps (mean ms)");
            steps.forEach((step, time) -> line.append(' ')
                    .append(step)
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.1f", time.meanMillis())));
            return line.toString();
        } catch (java.io.IOException e) {
            return "bench steps: unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "bench steps: interrupted";
        }
    }

    /** A step's total time and how often it ran, from the metrics. */
    private record StepTime(double seconds, double count) {
        StepTime plus(StepTime other) {
            return new StepTime(seconds + other.seconds, count + other.count);
        }

        double meanMillis() {
            return count == 0 ? 0 : 1000 * seconds / count;
        }
    }

    /** Submits one booking a day from {@code days.first()} at 09:00, answering when each was sent. */
    private Map<UUID, Instant> submit(ApiClient client, ObjectNode template, String prefix, BenchCounts.Days days) {
        LocalDateTime start = days.first().atTime(9, 0);
        int count = days.count();
        Map<UUID, Instant> sent = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        long begin = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                ObjectNode body = template.deepCopy();
                body.put("external_id", prefix + i);
                body.put("start", start.plusDays(i).toString());
                if (rate > 0) {
                    pace(begin, i);
                }
                inFlight.acquireUninterruptibly();
                pool.submit(() -> {
                    try {
                        Instant at = Instant.now();
                        ApiClient.Answer answer = client.send("POST", "/api/bookings", body.toString());
                        if (answer.status() / 100 == 2) {
                            sent.put(UUID.fromString(answer.body().get("id").asText()), at);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return sent;
    }

    private List<Long> waitUntilSynced(SyncProgress progress, Map<UUID, Instant> sent) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            if (progress.unfinished() == 0) {
                break;
            }
            sleep(50);
        }
        List<Long> latencies = new ArrayList<>();
        for (SyncProgress.Synced synced : progress.synced(sent.keySet())) {
            latencies.add(
                    Duration.between(sent.get(synced.bookingId()), synced.at()).toMillis());
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** Waits until booking {@code i} is due at the requested rate. */
    private void pace(long begin, int i) {
        long due = begin + (long) (i * 1_000_000_000L / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    /**
     * Waits out the warm-up's emails, so they do not compete with the measured bookings. Each look reads
     * every status document through the API, so it looks twice a second, not as often as the syncs.
     */
    private static void awaitMailDelivered(BenchCounts counts) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline) && counts.queuedEmails() > 0) {
            sleep(500);
        }
    }

    private void report(SyncProgress progress, int duplicates, int submitted, List<Long> latencies, Instant first) {
        int failed = refused.get() + progress.failed();
        Instant last = progress.lastSynced().orElse(first);
        double seconds = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
        System.out.printf(
                Locale.ROOT,
                "bench bookings=%d synced=%d failed=%d duplicates=%d seconds=%.2f throughput_per_s=%.1f p50_ms=%d p99_ms=%d max_rss_mb=%d%n",
                submitted,
                latencies.size(),
                failed,
                duplicates,
                seconds,
                latencies.size() / seconds,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                maxRssMb());
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Peak resident memory of this JVM (VmHWM), in MiB. */
    private static long maxRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Arrays.stream(l.split("\\s+"))
                            .filter(t -> t.matches("\\d+"))
                            .findFirst()
                            .orElse("0"))
                    .mapToLong(kb -> Long.parseLong(kb) / 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static JsonNode read(ObjectMapper json, String name) {
        try (InputStream in = BenchCommand.class.getResourceAsStream("/examples/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("charter-sync-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
