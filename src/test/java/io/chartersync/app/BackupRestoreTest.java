package io.chartersync.app;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded mode end to end: a server with a synced booking and a crew answer on record is backed up while it
 * runs, stopped, and its archive restored into a new directory; a server started there serves the same.
 */
class BackupRestoreTest {
    private static final Pattern HEAD = Pattern.compile("hash ([0-9a-f]{64})");

    @TempDir
    static Path root;

    private static Path original;
    private static Path archive;
    private static int port;
    private static Original before;

    /** What the original server answered just before the backup. */
    private record Original(
            String bookingId,
            JsonNode status,
            String pagePath,
            String page,
            String pageEtag,
            String magicToken,
            String crewPage,
            String auditHead,
            String backupOutput) {}

    @BeforeAll
    static void back_up_a_running_server() throws IOException {
        original = root.resolve("original");
        archive = root.resolve("backups").resolve("charter-sync.zip");
        port = ChildProcess.freePort();
        try (Application app = Application.start(config(original))) {
            TestHttp http = http(app, original);
            Examples.loadRoster(http);
            TestHttp.Response created =
                    http.post("/api/bookings", Examples.futureBooking(10).toString(), OPERATOR);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            awaitStatus(http, id, s -> s.at("/crew/invited").asInt() == 3);
            String token = new Mailbox(original.resolve("mail"))
                    .to("crew-1", "Confirm:").stream()
                            .map(Mailbox::magicToken)
                            .findFirst()
                            .orElseThrow();
            assertThat(CrewPages.answer(http, token, "confirm").status()).isEqualTo(303);
            JsonNode status = awaitStatus(http, id, s -> s.at("/crew/confirmed").asInt() == 1);
            String pagePath = URI.create(status.at("/guest_page/url").asText()).getPath();
            TestHttp.Response page = http.get(pagePath, NOBODY);
            TestHttp.Response crewPage = http.get("/m/" + token, NOBODY);
            assertThat(page.status()).isEqualTo(200);
            assertThat(crewPage.status()).isEqualTo(200);
            String head = auditHead(original);
            // The embedded database's own passwords live beside the other secrets; a restore makes its own.
            Files.writeString(original.resolve("secrets").resolve("postgres-planted-password"), "not for archives");

            Cli.Run backup = Cli.run(Map.of(), "backup", archive.toString(), "--data", original.toString());

            assertThat(backup.exitCode()).as(backup.output()).isZero();
            before = new Original(
                    id,
                    status,
                    pagePath,
                    page.body(),
                    page.header("ETag").orElseThrow(),
                    token,
                    crewPage.body(),
                    head,
                    backup.out());
        }
    }

    @Test
    void restored_directory_serves_the_same_booking_page_links_and_audit_log() throws IOException {
        Path restored = root.resolve("restored");

        Cli.Run restore = Cli.run(Map.of(), "restore", archive.toString(), "--data", restored.toString());

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.out()).contains("head " + before.auditHead());
        assertThat(before.backupOutput()).contains("mode 0600", "head " + before.auditHead());
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(restored.resolve("secrets")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String secret : List.of("dashboard-token", "service-key", "link-signing-key")) {
            assertThat(restored.resolve("secrets").resolve(secret))
                    .hasSameTextualContentAs(original.resolve("secrets").resolve(secret));
            assertThat(Files.getPosixFilePermissions(restored.resolve("secrets").resolve(secret)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(restored.resolve("secrets").resolve("postgres-planted-password"))
                .as("postgres-* secrets stay out of archives")
                .doesNotExist();
        try (Application app = Application.start(config(restored))) {
            TestHttp http = http(app, restored);
            TestHttp.Response page = http.get(before.pagePath(), NOBODY);
            TestHttp.Response crewPage = http.get("/m/" + before.magicToken(), NOBODY);

            assertThat(http.get("/api/bookings/" + before.bookingId(), OPERATOR).json())
                    .isEqualTo(before.status());
            assertThat(page.body()).isEqualTo(before.page());
            assertThat(page.header("ETag")).contains(before.pageEtag());
            assertThat(crewPage.status()).isEqualTo(200);
            assertThat(crewPage.body()).isEqualTo(before.crewPage());
            Cli.Run verify = Cli.run(Map.of(), "audit", "verify", "--data", restored.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.out()).contains("hash " + before.auditHead());

            // The link still answers: the restored server holds the key it was signed with, and its tasks run.
            assertThat(CrewPages.answer(http, before.magicToken(), "decline").status())
                    .isEqualTo(303);
            awaitStatus(http, before.bookingId(), s -> s.at("/crew/declined").asInt() == 1);
        }
    }

    @Test
    void restore_into_a_directory_that_is_not_empty_refuses_and_changes_nothing() throws IOException {
        Path occupied = Files.createDirectories(root.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "keep me");

        Cli.Run restore = Cli.run(Map.of(), "restore", archive.toString(), "--data", occupied.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("restore refused", occupied.toString(), "is not empty", "notes.txt");
        try (Stream<Path> files = Files.list(occupied)) {
            assertThat(files).containsExactly(occupied.resolve("notes.txt"));
        }
        assertThat(occupied.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void a_truncated_archive_is_refused_and_nothing_is_created() throws IOException {
        byte[] whole = Files.readAllBytes(archive);
        Path truncated = Files.write(root.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));
        Path target = root.resolve("from-truncated");

        Cli.Run restore = Cli.run(Map.of(), "restore", truncated.toString(), "--data", target.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("restore refused", truncated.toString(), "cut short or damaged");
        assertThat(target).doesNotExist();
    }

    @Test
    void a_missing_archive_is_refused_naming_it() {
        Path missing = root.resolve("no-such-archive.zip");
        Path target = root.resolve("from-missing");

        Cli.Run restore = Cli.run(Map.of(), "restore", missing.toString(), "--data", target.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("restore refused", missing + " is not a file");
        assertThat(target).doesNotExist();
    }

    @Test
    void an_archive_with_one_byte_changed_is_refused_and_nothing_is_created() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        int middle = bytes.length / 3;
        bytes[middle] = (byte) (bytes[middle] ^ 0x5a);
        Path damaged = Files.write(root.resolve("damaged.zip"), bytes);
        Path target = root.resolve("from-damaged");

        Cli.Run restore = Cli.run(Map.of(), "restore", damaged.toString(), "--data", target.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err())
                .contains("restore refused", damaged.toString())
                .containsPattern("damaged|cut short");
        assertThat(target).doesNotExist();
    }

    @Test
    void an_archive_of_a_newer_schema_is_refused_naming_both_versions() throws IOException {
        Path newer = rewritten("newer.zip", manifest -> manifest.put("schema_version", "999"), Map.of());
        Path target = root.resolve("from-newer");

        Cli.Run restore = Cli.run(Map.of(), "restore", newer.toString(), "--data", target.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).containsPattern("schema version 999, newer than this program's [0-9]+\\b");
        assertThat(target).doesNotExist();
    }

    @Test
    void an_archive_with_an_entry_reaching_outside_the_data_directory_is_refused() throws IOException {
        Path escaping = rewritten("escaping.zip", manifest -> {}, Map.of("site/../../escaped.txt", "x"));
        Path target = root.resolve("from-escaping");

        Cli.Run restore = Cli.run(Map.of(), "restore", escaping.toString(), "--data", target.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("holds an entry named site/../../escaped.txt");
        assertThat(target).doesNotExist();
        assertThat(root.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void backup_refuses_an_existing_file_and_replaces_it_only_with_force() throws IOException {
        Path existing = Files.writeString(root.resolve("existing.zip"), "an older archive");

        Cli.Run refused = Cli.run(Map.of(), "backup", existing.toString(), "--data", original.toString());
        String kept = Files.readString(existing);
        Cli.Run forced = Cli.run(Map.of(), "backup", existing.toString(), "--force", "--data", original.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(existing.toString(), "exists already", "--force");
        assertThat(kept).isEqualTo("an older archive");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(forced.out()).contains("head " + before.auditHead());
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> leftovers = Files.list(root)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /** A copy of the archive with its manifest changed by {@code edit} and {@code extra} entries added. */
    private static Path rewritten(String name, Consumer<ObjectNode> edit, Map<String, String> extra)
            throws IOException {
        Path copy = root.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("manifest.json")) {
                    ObjectNode manifest = (ObjectNode) Json.mapper().readTree(bytes);
                    edit.accept(manifest);
                    bytes = Json.mapper().writeValueAsBytes(manifest);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }

    private static AppConfig config(Path dataDir) {
        return AppConfig.from(Map.of("DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port)), Map.of());
    }

    private static TestHttp http(Application app, Path dataDir) throws IOException {
        String token = Files.readString(dataDir.resolve("secrets").resolve("dashboard-token"))
                .strip();
        return TestHttp.to(URI.create("http://localhost:" + app.port()), token);
    }

    private static String auditHead(Path dataDir) {
        Cli.Run verify = Cli.run(Map.of(), "audit", "verify", "--data", dataDir.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        Matcher m = HEAD.matcher(verify.out());
        assertThat(m.find()).as(verify.out()).isTrue();
        return m.group(1);
    }

    private static JsonNode awaitStatus(TestHttp http, String id, java.util.function.Predicate<JsonNode> also) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode status = http.get("/api/bookings/" + id, OPERATOR).json();
                    last.set(status);
                    return status.get("state").asText().equals("synced")
                            && status.at("/emails/queued").asInt() == 0
                            && also.test(status);
                });
        return last.get();
    }
}
