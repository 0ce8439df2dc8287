package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Production mode ({@code DATABASE_URL}): a backup taken while bookings keep arriving is one consistent
 * snapshot, and restores into another, empty database of the same server; a database with rows is refused.
 */
class ProductionBackupTest {
    private static final Pattern HEAD = Pattern.compile("head ([0-9a-f]{64})");
    private static final String TARGET = "backup_restore_target";

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
        Path root = Files.createTempDirectory("charter-sync-production-backup");
        Path archive = root.resolve("charter-sync.zip");
        AtomicInteger submitted = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int day = 20; day < 35; day++) {
                ObjectNode booking = Examples.futureBooking(day);
                app.bookings().submit(booking);
                submitted.incrementAndGet();
            }
        });

        Cli.Run backup = Cli.run(TestApp.environment(app.dataDir()), "backup", archive.toString());
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
        assertThat(submitted.get()).isEqualTo(15);
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
        Path root = Files.createTempDirectory("charter-sync-production-backup");
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

    private static String head(String output) {
        Matcher m = HEAD.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}
