package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.OrphanPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second program on the data directory of a running one stops, and leaves the running one alone. */
class DataDirectoryInUseTest {

    @Test
    void second_server_on_the_same_data_directory_refuses_and_the_first_keeps_serving() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-in-use");
        int firstPort = ChildProcess.freePort();
        try (ChildProcess first = ChildProcess.start(
                Main.class, Map.of(), "serve", "--data", data.toString(), "--port", Integer.toString(firstPort))) {
            first.awaitLineStartingWith("Press Ctrl-C", Duration.ofSeconds(90));
            try (ChildProcess second = ChildProcess.start(
                    Main.class,
                    Map.of(),
                    "serve",
                    "--data",
                    data.toString(),
                    "--port",
                    Integer.toString(ChildProcess.freePort()))) {
                int exit = second.awaitExit(Duration.ofSeconds(60));

                assertThat(exit).as(second.output()).isNotZero();
                assertThat(second.output()).contains("is in use by a running Charter Sync");
            }
            assertThat(ready(firstPort)).isEqualTo(200);
        } finally {
            OrphanPostgres.stop(data.resolve("pg"));
        }
    }

    private static int ready(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
