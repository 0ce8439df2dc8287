package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.OrphanPostgres;
import io.chartersync.testsupport.TestHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charter-sync demo} as a process: it syncs the example booking and prints where everything went. */
class DemoCommandTest {
    @TempDir
    Path dataDir;

    @AfterEach
    void noPostgresLeftRunning() {
        OrphanPostgres.stop(dataDir.resolve("pg"));
    }

    @Test
    void demo_prints_entry_event_guest_page_emails_and_where_the_tokens_are() {
        int port = ChildProcess.freePort();
        try (ChildProcess demo = ChildProcess.start(
                Main.class, Map.of(), "demo", "--data", dataDir.toString(), "--port", Integer.toString(port))) {
            demo.awaitLineStartingWith("Demo booking synced:", Duration.ofSeconds(90));
            demo.awaitLine(l -> l.strip().startsWith("tokens:"), Duration.ofSeconds(10));
            List<String> lines = demo.lines();

            assertThat(lines).anyMatch(l -> l.matches("Demo booking synced: [0-9a-f-]{36} \\(version 1\\)"));
            assertThat(lines).anyMatch(l -> l.matches("\\s+calendar entry:\\s+\\S+"));
            assertThat(lines).anyMatch(l -> l.matches("\\s+crew event:\\s+\\S+ \\(3 crew invited\\)"));
            String guestPage = match(
                    lines,
                    "\\s+guest page:\\s+(http://localhost:" + port + "/g/[a-z]{3}-[0-9]{1,2}-boatsetter-[a-z0-9]{8}/)");
            List<String> emails = lines.stream()
                    .filter(l -> l.matches("\\s+\\S+\\.eml\\s+.*"))
                    .map(l -> l.strip().split("\\s+")[0])
                    .toList();
            assertThat(emails)
                    .hasSize(5)
                    .allSatisfy(file ->
                            assertThat(dataDir.resolve("mail").resolve(file)).isRegularFile());
            assertThat(lines)
                    .anyMatch(l -> l.strip().startsWith("tokens:")
                            && l.contains(dataDir.resolve("secrets").toString()));
            assertThat(Files.exists(dataDir.resolve("secrets").resolve(Secrets.DASHBOARD_TOKEN_FILE)))
                    .isTrue();

            assertThat(lines)
                    .anyMatch(l -> l.equals("  console:        http://localhost:" + port
                            + "/  (sign in as owner@demo.local, an owner)"));
            String setPassword = match(
                    lines,
                    "\\s+set its password \\(one-time link, 24 h\\): (http://localhost:" + port
                            + "/set-password/[A-Za-z0-9_-]{43})");
            TestHttp.Response form = TestHttp.to(URI.create("http://localhost:" + port), "")
                    .get(URI.create(setPassword).getPath(), NOBODY);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body()).contains("Set your password", "owner@demo.local");

            TestHttp.Response page = TestHttp.to(URI.create("http://localhost:" + port), "")
                    .get(URI.create(guestPage).getPath(), NOBODY);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .as("the demo's charter is upcoming, so its page takes photos")
                    .contains("Sheraton Marina", "Share your photos");

            demo.stop();
        }
    }

    @Test
    void the_demo_moves_the_seed_booking_three_days_ahead_at_the_same_time_on_its_own_clock() {
        com.fasterxml.jackson.databind.node.ObjectNode booking = io.chartersync.common.Json.mapper()
                .createObjectNode()
                .put("start", "2024-05-30T09:00:00")
                .put("time_zone", "America/Los_Angeles");
        // 02:00 UTC on Dec 2 is still Dec 1 in Los Angeles.
        java.time.Clock clock =
                java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T02:00:00Z"), java.time.ZoneOffset.UTC);

        assertThat(DemoCommand.upcoming(booking, clock).get("start").asText()).isEqualTo("2026-12-04T09:00:00");
    }

    private static String match(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines.stream()
                .map(pattern::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no line matches " + regex + " in:\n" + String.join("\n", lines)));
    }
}
