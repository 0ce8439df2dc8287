package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production mode ({@code DATABASE_URL}): a backup taken while bookings keep arriving is one consistent
 * snapshot, and restores into another, empty database of the same server; a database with rows is refused.
 */
class ProductionBackupTest {
    private static final Pattern HEAD = Pattern.compile("head ([0-9a-f]{64})");
    private static final String TARGET = "backup_restore_target";

    @TempDir
    Path root;

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @AfterEach
    void drop_the_restored_database() {
        TestDatabase.execute("drop database if exists " + TARGET + " with (force)");
    }

    @Test
    void backup_taken_while_bookings_arrive_restores_into_an_empty_database_with_the_same_data() throws Exception {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(7), 1);
        String pagePath = GuestPages.path(app, status);
        TestHttp.Response page = app.http().get(pagePath, NOBODY);
        Path archive = root.resolve("charter-sync.zip");
        AtomicBoolean backedUp = new AtomicBoolean();
        AtomicInteger submitted = new AtomicInteger();
        // Bookings keep arriving (each a transaction over several tables) until the backup has finished.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int day = 20; day < 220 && !backedUp.get(); day++) {
                app.bookings().submit(Examples.futureBooking(day));
                submitted.incrementAndGet();
            }
        });

        awaitFirstArrivals(submitted);
        Cli.Run backup = Cli.run(TestApp.environment(app.dataDir()), "backup", archive.toString());
        backedUp.set(true);
        writer.get();
        TestDatabase.execute("create database " + TARGET);
        Path restored = root.resolve("restored");
        Map<String, String> target = new HashMap<>(TestApp.environment(restored));
        target.put("DATABASE_URL", TestDatabase.jdbcUrl(TARGET, "postgres", "postgres"));
        Cli.Run restore = Cli.run(target, "restore", archive.toString(), "--data", restored.toString());
        Cli.Run verify = Cli.run(target, "audit", "verify");

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        String head = head(backup.out());
        assertThat(head(restore.out())).isEqualTo(head);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.out()).contains("hash " + head);
        assertThat(restoredBookings(archive)).as("bookings in the snapshot").isBetween(3L, submitted.get() + 0L);
        try (TestApp second = TestApp.start(target)) {
            TestHttp.Response restoredPage = second.http().get(pagePath, NOBODY);

            assertThat(second.http()
                            .get("/api/bookings/" + status.get("id").asText(), OPERATOR)
                            .json())
                    .isEqualTo(status);
            assertThat(restoredPage.body()).isEqualTo(page.body());
            assertThat(restoredPage.header("ETag")).isEqualTo(page.header("ETag"));
            // Bookings caught mid-sync by the snapshot: their tasks were in it, and the restored server ends them.
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(second.http()
                                    .get("/api/bookings?limit=100", OPERATOR)
                                    .json()
                                    .get("bookings"))
                            .isNotEmpty()
                            .allSatisfy(b -> assertThat(b.get("state").asText()).isEqualTo("synced")));
        }
    }

    @Test
    void restore_into_a_database_that_holds_rows_refuses_and_leaves_no_directory() throws Exception {
        app.bookings().submitAndSync(Examples.futureBooking(7), 1);
        Path archive = root.resolve("charter-sync.zip");
        Cli.Run backup = Cli.run(TestApp.environment(app.dataDir()), "backup", archive.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path restored = root.resolve("restored");
        Map<String, String> intoLive = TestApp.environment(restored);

        Cli.Run restore = Cli.run(intoLive, "restore", archive.toString(), "--data", restored.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("restore refused", "not empty", "booking");
        assertThat(restored).doesNotExist();
        assertThat(TestDatabase.count("select count(*) from booking")).isEqualTo(1);
    }

    private static void awaitFirstArrivals(AtomicInteger submitted) {
        await().atMost(Duration.ofSeconds(30)).until(() -> submitted.get() >= 2);
    }

    /** The booking rows the archive's manifest lists. */
    private static long restoredBookings(Path archive) throws java.io.IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            JsonNode manifest = Json.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            for (JsonNode table : manifest.get("tables")) {
                if (table.get("name").asText().equals("booking")) {
                    return table.get("rows").asLong();
                }
            }
        }
        throw new AssertionError("no booking table in the manifest");
    }

    private static String head(String output) {
        Matcher m = HEAD.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}
