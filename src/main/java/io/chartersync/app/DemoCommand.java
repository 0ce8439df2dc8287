package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.booking.BookingState;
import io.chartersync.common.AppException;
import io.chartersync.common.Json;
import io.chartersync.common.TokenGenerator;
import io.chartersync.console.Accounts;
import io.chartersync.console.ConsoleModule;
import io.chartersync.console.Role;
import io.chartersync.mail.MailModule;
import io.chartersync.mail.OutboxView;
import io.chartersync.mail.SmtpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: serve, load the example roster, submit the example booking over HTTP, wait until it is
 * synced, print where everything went, and keep serving.
 */
@Command(name = "demo", description = "Serve, load the example roster and booking, and print the links.")
final class DemoCommand implements Runnable {
    static final String DEMO_OWNER = "owner@demo.local";

    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        Application app = Application.start(options.config());
        Console.started(app);
        String token = Secrets.stored(app.config().dataDir(), Secrets.DASHBOARD_TOKEN_FILE)
                .or(() -> Optional.ofNullable(System.getenv("DASHBOARD_TOKEN")))
                .orElseThrow(() -> new ConfigException("the demo needs the raw operator token: set DASHBOARD_TOKEN"));
        ApiClient client = new ApiClient(app.baseUrl(), token);
        ObjectMapper json = Json.mapper();
        for (JsonNode member : read(json, "crew-roster.example.json")) {
            client.expectOk("PUT", "/api/crew/" + member.get("id").asText(), member.toString());
        }
        ObjectNode example = (ObjectNode) read(json, "booking.example.json");
        ApiClient.Answer submitted = client.send(
                "POST", "/api/bookings", upcoming(example, Clock.systemUTC()).toString());
        if (submitted.status() / 100 != 2) {
            throw new ApiClient.ApiException("the example booking was refused: " + submitted.body());
        }
        String id = submitted.body().get("id").asText();
        JsonNode status = waitFor(client, id);
        print(app, id, status);
        ServeCommand.serveUntilStopped(app);
    }

    /**
     * The seed's booking moved to three days from today on its own clock, same time and details: the
     * demo's charter is upcoming, so its guest page takes photos and its briefing is planned. A demo run
     * again on a later day reschedules it (a new version), as an operator would.
     */
    static ObjectNode upcoming(ObjectNode booking, Clock clock) {
        ZoneId zone = ZoneId.of(booking.get("time_zone").asText());
        LocalTime time = LocalDateTime.parse(booking.get("start").asText()).toLocalTime();
        LocalDate day = LocalDate.now(clock.withZone(zone)).plusDays(3);
        booking.put("start", day.atTime(time).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        return booking;
    }

    private static JsonNode waitFor(ApiClient client, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = client.expectOk("GET", "/api/bookings/" + id, null);
        while (Instant.now().isBefore(deadline)) {
            BookingState state = BookingState.fromWire(status.get("state").asText());
            if (state == BookingState.FAILED) {
                throw new ApiClient.ApiException("the example booking failed to sync: " + status);
            }
            if (state == BookingState.SYNCED
                    && status.get("emails").get("queued").asInt() == 0) {
                return status;
            }
            sleep();
            status = client.expectOk("GET", "/api/bookings/" + id, null);
        }
        throw new ApiClient.ApiException("the example booking did not sync within 60 s: " + status);
    }

    private static void print(Application app, String id, JsonNode status) {
        System.out.println();
        System.out.println("Demo booking synced: " + id + " (version "
                + status.get("version").asInt() + ")");
        System.out.println(
                "  calendar entry: " + status.get("calendar").get("entry_id").asText());
        System.out.println(
                "  crew event:     " + status.get("crew").get("event_id").asText() + " ("
                        + status.get("crew").get("invited").asInt() + " crew invited)");
        System.out.println(
                "  guest page:     " + status.get("guest_page").get("url").asText());
        Optional<SmtpServer> smtp = app.config().mail().smtp();
        System.out.println("  emails "
                + smtp.map(s -> "sent through " + s.display()).orElse("written to " + app.mailDirectory()) + ":");
        for (OutboxView.Summary mail :
                MailModule.outboxView(app.database().jdbi()).messages(UUID.fromString(id))) {
            System.out.println("    " + mail.id() + (smtp.isPresent() ? "  " : ".eml  ") + mail.kind() + " to "
                    + mail.recipient() + ": " + mail.subject());
        }
        System.out.println("  console:        " + app.baseUrl() + "/  (sign in as " + DEMO_OWNER + ", an owner)");
        System.out.println("    set its password (one-time link, 24 h): " + app.baseUrl()
                + ConsoleModule.setPasswordPath(demoOwnerLink(app)));
        System.out.println("  status:         " + app.baseUrl() + "/api/bookings/" + id + "  (or ./charter-sync status "
                + id + ")");
        System.out.println("  tokens:         generated secrets are in "
                + app.secrets().directory() + " (./charter-sync keys); crew magic links are inside the "
                + (smtp.isPresent() ? "emails" : ".eml files"));
    }

    /**
     * A one-time set-password link for the demo owner: added on the first demo of a data directory, its
     * password reset (a new link) on the next ones.
     */
    private static String demoOwnerLink(Application app) {
        Accounts accounts = ConsoleModule.accounts(
                app.database().jdbi(), ToolDatabase.auditLog(), Clock.systemUTC(), TokenGenerator.secure());
        try {
            return accounts.add(DEMO_OWNER, Role.OWNER, ToolDatabase.ACTOR);
        } catch (AppException.Conflict exists) {
            return accounts.reset(DEMO_OWNER, ToolDatabase.ACTOR);
        }
    }

    private static JsonNode read(ObjectMapper json, String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("example " + name + " is missing from the program");
            }
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
