package io.chartersync.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a marketplace: it serves, per path, the calendar file a test sets (or an
 * HTTP status), with an ETag when the test gives one (answering 304 to a matching If-None-Match), and counts
 * the requests per path.
 */
public final class FeedServer implements AutoCloseable {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** What a path answers: a status, a body, and an ETag (null: none). */
    public record Answer(int status, String body, String etag) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(path, new Answer(404, "not found", null));
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (answer.etag() != null) {
                exchange.getResponseHeaders().add("ETag", answer.etag());
                if (answer.etag().equals(ifNoneMatch)) {
                    notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, String body) {
        answers.put(path, new Answer(200, body, null));
    }

    public void serve(String path, String body, String etag) {
        answers.put(path, new Answer(200, body, etag));
    }

    public void fail(String path, int status) {
        answers.put(path, new Answer(status, "", null));
    }

    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    public int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A calendar file of {@code events}, shaped like a marketplace's export (CRLF, PRODID, X-WR-CALNAME). */
    public static String calendar(String... events) {
        List<String> lines = new ArrayList<>(List.of(
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Boatsetter//Boat Calendar//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:Boatsetter - JADA"));
        for (String e : events) {
            lines.add(e);
        }
        lines.add("END:VCALENDAR");
        return String.join("\r\n", lines) + "\r\n";
    }

    /** A timed event in UTC, {@code status} CONFIRMED or CANCELLED. */
    public static String event(String uid, Instant start, int hours, String summary, String status) {
        return String.join(
                "\r\n",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:20261201T120000Z",
                "DTSTART:" + UTC.format(start),
                "DTEND:" + UTC.format(start.plusSeconds(hours * 3600L)),
                "SUMMARY:" + summary,
                "DESCRIPTION:Booking " + uid + "\\nhttps://www.boatsetter.com/bookings/" + uid,
                "STATUS:" + status,
                "END:VEVENT");
    }

    public static String event(String uid, Instant start, int hours, String summary) {
        return event(uid, start, hours, summary, "CONFIRMED");
    }

    /** An all-day event: {@code days} whole days from {@code first}'s date. */
    public static String allDay(String uid, Instant first, int days) {
        return String.join(
                "\r\n",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:20261201T120000Z",
                "DTSTART;VALUE=DATE:" + DATE.format(first),
                "DTEND;VALUE=DATE:" + DATE.format(first.plusSeconds(days * 86400L)),
                "SUMMARY:Not available",
                "END:VEVENT");
    }
}
