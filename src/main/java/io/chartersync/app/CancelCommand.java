package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cancel ID}: cancels a booking everywhere ({@code POST /api/bookings/{id}/cancel}) and says so. */
@Command(name = "cancel", description = "Cancel a booking in every system.")
final class CancelCommand implements Runnable {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", description = "Booking id (as `list` shows it)")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ApiClient client = options.client();
        JsonNode status = client.expectOk("POST", "/api/bookings/" + ApiClient.segment(id) + "/cancel", null);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Booking " + status.path("id").asText() + " ("
                + status.path("source").asText() + "/"
                + status.path("external_id").asText() + ") is cancelled: version "
                + status.path("version").asInt() + ", state "
                + status.path("state").asText() + ".");
        out.println("The cancel reaches the calendar, the crew, the guest page and the emails as it syncs;"
                + " follow it with ./charter-sync status " + status.path("id").asText());
        out.flush();
    }
}
