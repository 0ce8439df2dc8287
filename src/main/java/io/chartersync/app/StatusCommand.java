package io.chartersync.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code status ID}: prints a booking's status document. */
@Command(name = "status", description = "Show where a booking stands in every system.")
final class StatusCommand implements Runnable {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", description = "Booking id")
    String id;

    @Override
    public void run() {
        ApiClient client = options.client();
        System.out.println(client.pretty(client.expectOk("GET", "/api/bookings/" + ApiClient.segment(id), null)));
    }
}
