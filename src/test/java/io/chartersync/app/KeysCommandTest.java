package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.OrphanPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `keys` prints the same feed URL with or without a server on the data directory; rotating changes it. */
class KeysCommandTest {
    private static final Pattern FEED = Pattern.compile("calendar feed \\(read-only\\): (http://\\S+)");

    /**
     * One server for every case, since starting one is most of this test's time: the URL printed before the
     * server runs is the one printed while it runs, with or without {@code --port} (without: the port of the
     * server on the data directory, or PUBLIC_BASE_URL); it opens the feed, and rotating changes it.
     */
    @Test
    void feed_url_is_the_same_without_and_with_a_running_server_opens_the_feed_and_rotating_changes_it()
            throws Exception {
        Path data = Files.createTempDirectory("charter-sync-keys");
        int port = ChildProcess.freePort();
        try {
            String offline = feedUrl(data, port, "keys");
            assertThat(OrphanPostgres.running(data.resolve("pg")))
                    .as("keys stops the database it started")
                    .isEmpty();
            try (ChildProcess serve = ChildProcess.start(
                    Main.class, Map.of(), "serve", "--data", data.toString(), "--port", Integer.toString(port))) {
                serve.awaitLineStartingWith("Press Ctrl-C", Duration.ofSeconds(90));

                String online = feedUrl(data, port, "keys");
                String printed = keysOutput(data, Map.of());
                String configured = keysOutput(data, Map.of("PUBLIC_BASE_URL", "https://charters.example.com"));
                HttpResponse<String> feed = HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(online)).build(), HttpResponse.BodyHandlers.ofString());
                String rotated = feedUrl(data, port, "keys", "rotate-feed-token");
                HttpResponse<String> old = HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(online)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(online).isEqualTo(offline);
                assertThat(printed).contains("(read-only): " + online);
                assertThat(printed).contains("webcal://localhost:" + port + "/calendar.ics?token=");
                assertThat(configured).contains("(read-only): https://charters.example.com/calendar.ics?token=");
                assertThat(feed.statusCode()).isEqualTo(200);
                assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
                assertThat(rotated).isNotEqualTo(online);
                assertThat(old.statusCode()).isEqualTo(404);
            }
        } finally {
            OrphanPostgres.stop(data.resolve("pg"));
        }
    }

    private static String keysOutput(Path data, Map<String, String> env) {
        try (ChildProcess keys = ChildProcess.start(Main.class, env, "keys", "--data", data.toString())) {
            assertThat(keys.awaitExit(Duration.ofSeconds(90))).as(keys.output()).isZero();
            return keys.output();
        }
    }

    private static String feedUrl(Path data, int port, String... command) {
        String[] args = new String[command.length + 4];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--data";
        args[command.length + 1] = data.toString();
        args[command.length + 2] = "--port";
        args[command.length + 3] = Integer.toString(port);
        try (ChildProcess keys = ChildProcess.start(Main.class, Map.of(), args)) {
            assertThat(keys.awaitExit(Duration.ofSeconds(90))).as(keys.output()).isZero();
            Matcher m = FEED.matcher(keys.output());
            assertThat(m.find()).as(keys.output()).isTrue();
            assertThat(keys.output()).contains("webcal://localhost:" + port + "/calendar.ics?token=");
            return m.group(1);
        }
    }
}
