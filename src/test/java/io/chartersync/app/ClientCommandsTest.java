package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.ChildProcess;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client commands against a running server ({@code list}, {@code cancel}), and the way every command
 * fails: one line naming what is wrong (the file, the address that did not answer, the port), never a stack
 * trace, and for a taken port before anything is started.
 */
class ClientCommandsTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private static final Map<String, String> ENV = Map.of("DASHBOARD_TOKEN", TestApp.OPERATOR_TOKEN);

    @Test
    void list_shows_every_booking_page_by_page_and_with_attention_only_those_that_need_it_and_why() {
        String crewed = app.bookings()
                .submitAndSync(Examples.futureBooking(5), 1)
                .get("id")
                .asText();
        ObjectNode bare =
                Examples.futureBooking(6).put("external_id", "BS-NO-CREW").put("boat", "Kestrel");
        bare.remove("crew_assignments");
        String uncrewed = app.bookings().submitAndSync(bare, 1).get("id").asText();

        Cli.Run all = client("list", "--page-size", "1");
        Cli.Run needing = client("list", "--attention");

        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(all.out().lines().toList())
                .hasSize(4)
                .satisfies(lines -> assertThat(lines.get(0))
                        .startsWith("ID")
                        .contains("STATE", "START", "BOAT", "GUEST", "PARTY", "SOURCE/EXTERNAL ID"))
                .satisfies(lines -> assertThat(lines.get(1))
                        .startsWith(uncrewed + "  synced (!)")
                        .contains("Kestrel", "Boatsetter Guest", "boatsetter/BS-NO-CREW"))
                .satisfies(lines -> assertThat(lines.get(2))
                        .startsWith(crewed + "  synced ")
                        .contains("JADA", "boatsetter/BS-FUTURE-"))
                .satisfies(lines -> assertThat(lines.get(3)).isEqualTo("2 bookings"));
        assertThat(needing.exitCode()).as(needing.output()).isZero();
        assertThat(needing.out())
                .contains(uncrewed)
                .doesNotContain(crewed)
                .contains("    no_crew: No crew assigned (since ")
                .endsWith("1 booking needs attention\n");
    }

    @Test
    void cancel_cancels_everywhere_and_says_so_and_an_unknown_id_is_one_line() {
        ObjectNode booking = Examples.futureBooking(5);
        String id = app.bookings().submitAndSync(booking, 1).get("id").asText();

        Cli.Run cancelled = client("cancel", id);
        Cli.Run unknown = client("cancel", "no such booking");

        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(cancelled.out())
                .startsWith("Booking " + id + " (boatsetter/"
                        + booking.get("external_id").asText() + ") is cancelled: version 2, state ");
        assertThat(app.bookings().awaitSettled(id, 2).get("state").asText()).isEqualTo("cancelled");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("charter-sync: POST /api/bookings/no%20such%20booking/cancel answered 4"));
    }

    @Test
    void a_missing_file_or_an_unreachable_server_is_one_line_naming_it() throws Exception {
        Path booking = Files.writeString(Files.createTempFile("booking", ".json"), Examples.bookingJson());
        String nowhere = "http://localhost:" + ChildProcess.freePort();

        Cli.Run missing = Cli.run(ENV, "book", "missing.json");
        for (String[] command :
                new String[][] {{"book", booking.toString()}, {"status", "some-id"}, {"list"}, {"cancel", "some-id"}}) {
            Cli.Run run = Cli.run(ENV, concat(command, "--url", nowhere));
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.err().lines())
                    .as(String.join(" ", command))
                    .singleElement()
                    .isEqualTo("charter-sync: could not reach the server at " + nowhere
                            + " (connection refused): is `charter-sync serve` running there?"
                            + " (--url, or --port / PORT, says where)");
        }

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("charter-sync: could not read missing.json: there is no such file\n");
        Cli.Run badUrl = Cli.run(ENV, "list", "--url", "localhost:8080");
        assertThat(badUrl.exitCode()).isEqualTo(78);
        assertThat(badUrl.err()).contains("--url must be the server's address").doesNotContain("Exception");
    }

    @Test
    void serve_and_demo_on_a_taken_port_stop_before_anything_is_started_naming_the_port() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-port");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            String port = Integer.toString(taken.getLocalPort());
            for (String command : new String[] {"serve", "demo"}) {
                Cli.Run run = Cli.run(Map.of(), command, "--data", data.toString(), "--port", port);

                assertThat(run.exitCode()).as(run.output()).isEqualTo(78);
                assertThat(run.err())
                        .isEqualTo("charter-sync: configuration error: port " + port
                                + " is in use: stop what uses it, or pass --port N (or set PORT)\n");
            }
        }
        try (var files = Files.list(data)) {
            assertThat(files).as("nothing started, nothing written").isEmpty();
        }
    }

    private static Cli.Run client(String... args) {
        return Cli.run(ENV, concat(args, "--url", app.baseUrl().toString()));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
