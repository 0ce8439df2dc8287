package io.chartersync.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code book FILE}: submits a booking to a running server and prints its status. */
@Command(name = "book", description = "Submit a booking (JSON file) to a running server.")
final class BookCommand implements Runnable {
    @Mixin
    ClientOptions options;

    @Parameters(index = "0", description = "Booking JSON, as in examples/booking.example.json")
    Path file;

    @Override
    public void run() {
        String body;
        try {
            body = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("could not read " + file + ": there is no such file");
        } catch (AccessDeniedException e) {
            throw new CommandFailure("could not read " + file + ": permission denied");
        } catch (IOException e) {
            throw new CommandFailure(
                    "could not read " + file + ": " + (Files.isDirectory(file) ? "it is a directory" : e));
        }
        ApiClient client = options.client();
        ApiClient.Answer answer = client.send("POST", "/api/bookings", body);
        System.out.println(answer.status() + " " + client.pretty(answer.body()));
        if (answer.status() / 100 != 2) {
            throw new ApiClient.ApiException("the booking was refused");
        }
    }
}
