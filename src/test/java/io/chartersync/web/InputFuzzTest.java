package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.Json;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.GuestPages;
import io.chartersync.testsupport.JsonMutator;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded fuzzing of every JSON body of every JSON route, against the whole program on a real port and the
 * test PostgreSQL: each field of each body is mutated (see {@link JsonMutator}) and sent. No answer may be a
 * 5xx; every 4xx is problem+json with a detail; and a refused request stores nothing: the row count of every
 * table (the scheduler's and the mail outbox included) is the same before and after it. After an accepted
 * request, the next case waits until the program's tasks are done, so their rows are not taken for the
 * refused request's. Replay a run with {@code -Dfuzz.seed=N}; {@code -Dfuzz.perField=N} sets the depth.
 */
class InputFuzzTest {
    private static final int PER_FIELD = Integer.getInteger("fuzz.perField", 4);

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A JSON route, the body it takes, who may call it, and the media type it takes (sent unless a case sends another). */
    private record Target(String method, String path, ObjectNode body, String[] credentials, String mediaType) {
        Target(String method, String path, ObjectNode body, String[] credentials) {
            this(method, path, body, credentials, null);
        }
    }

    @Test
    void no_mutation_of_any_json_body_answers_5xx_or_stores_anything_when_refused() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("InputFuzzTest seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        JsonMutator mutator = new JsonMutator(seed);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        int refused = 0;
        long started = System.nanoTime();
        long waited = 0;
        Map<String, Integer> acceptedBy = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl())) {
            List<Target> targets = targets();
            String countRows = countingQuery(db);
            awaitQuiet(db);
            Map<String, Long> before = rowCounts(db, countRows);
            for (Target target : targets) {
                for (JsonMutator.Case c : mutator.cases(target.body(), PER_FIELD)) {
                    cases++;
                    String what = target.method() + " " + target.path() + " with " + c.description();
                    HttpResponse<String> answer;
                    try {
                        answer = send(target, c);
                    } catch (IOException e) {
                        failures.add(what + " → no answer: " + e.getMessage());
                        continue;
                    }
                    int status = answer.statusCode();
                    if (status >= 500) {
                        failures.add(what + " → " + status + " " + abbreviate(answer.body()));
                    } else if (status >= 400) {
                        refused++;
                        checkProblem(answer, what, failures);
                        Map<String, Long> after = rowCounts(db, countRows);
                        if (!after.equals(before)) {
                            failures.add(what + " → " + status + " but stored rows: " + before + " → " + after);
                        }
                        before = after;
                    } else {
                        long waitStart = System.nanoTime();
                        awaitQuiet(db);
                        waited += System.nanoTime() - waitStart;
                        acceptedBy.merge(target.path().replaceAll("/[0-9a-f-]{36}|/m/[^/]+", "/{id}"), 1, Integer::sum);
                        before = rowCounts(db, countRows);
                    }
                }
            }
        }
        System.out.printf(
                "InputFuzzTest seed=%d cases=%d refused=%d accepted=%d seconds=%.1f (%.1f waiting for tasks) %s%n",
                seed, cases, refused, cases - refused, (System.nanoTime() - started) / 1e9, waited / 1e9, acceptedBy);
        assertThat(failures)
                .as("seed " + seed + ": " + failures.size() + " of " + cases + " cases")
                .isEmpty();
    }

    /** Every JSON route with a body, each with a valid body to start from (ids and tokens of a real booking). */
    private List<Target> targets() {
        JsonNode status = app.bookings().submitAndSync(Examples.futureBooking(3), 1);
        String entryId = status.at("/calendar/entry_id").asText();
        String eventId = status.at("/crew/event_id").asText();
        String link = Mailbox.magicToken(
                app.mailbox().to("crew-1", "Confirm: JADA charter").getFirst());
        String page = GuestPages.path(app, status);
        String slug = GuestPages.slug(page);
        String uploadToken = GuestPages.uploadToken(app.http().get(page, NOBODY).body());
        ObjectNode presign =
                object(Map.of("slug", slug, "upload_token", uploadToken, "content_type", "image/jpeg", "size", 123456));
        String uploadId = app.http()
                .post("/g/presign", presign.toString(), NOBODY)
                .json()
                .get("upload_id")
                .asText();
        ObjectNode crew =
                object(Map.of("name", "Casey Nine", "email", "crew-9@crew.example.com", "phone", "+1 619 555 0109"));
        crew.putArray("roles").add("crew").add("captain");
        ObjectNode boat = Json.mapper().createObjectNode();
        boat.putArray("what_to_bring").add("Sunscreen").add("A light jacket");
        ObjectNode booking = Examples.futureBooking(5);
        ObjectNode patch = Json.mapper().createObjectNode();
        patch.put("duration_hours", 5);
        patch.withObjectProperty("guest").put("party_size", 4).putNull("phone");
        patch.withObjectProperty("notes").put("crew", "Bring the spare anchor");
        String[] operator = {"X-Dashboard-Token", TestApp.OPERATOR_TOKEN};
        String[] service = {"X-Service-Key", TestApp.SERVICE_KEY};
        String[] nobody = {};
        return List.of(
                new Target("POST", "/api/bookings", booking, operator),
                new Target(
                        "PATCH",
                        "/api/bookings/" + status.get("id").asText(),
                        patch,
                        operator,
                        "application/merge-patch+json"),
                new Target("PUT", "/api/crew/crew-9", crew, operator),
                new Target("PUT", "/api/boats/JADA", boat, operator),
                new Target("POST", "/calendar", Examples.calendarEntry(), operator),
                new Target("PUT", "/calendar/" + entryId, Examples.calendarEntry(), operator),
                new Target("POST", "/events", Examples.crewEvent(), service),
                new Target("PUT", "/events/" + eventId, Examples.crewEvent(), service),
                new Target("POST", "/m/" + link + "/respond", object(Map.of("answer", "confirm")), nobody),
                new Target("POST", "/g/presign", presign, nobody),
                new Target(
                        "POST",
                        "/g/uploads/" + uploadId + "/complete",
                        object(Map.of("upload_token", uploadToken)),
                        nobody));
    }

    private HttpResponse<String> send(Target target, JsonMutator.Case c) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + target.path()))
                .timeout(Duration.ofSeconds(30))
                .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (target.credentials().length > 0) {
            request.headers(target.credentials());
        }
        String type = c.contentType();
        if (target.mediaType() != null && (type == null || type.equals("application/json"))) {
            type = target.mediaType(); // a route of another JSON type: the case's JSON sent as that type
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void checkProblem(HttpResponse<String> answer, String what, List<String> failures) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(what + " → " + answer.statusCode() + " as " + type + ": " + abbreviate(answer.body()));
            return;
        }
        try {
            JsonNode problem = Json.mapper().readTree(answer.body());
            if (problem.path("detail").asText().isBlank()
                    || problem.path("status").asInt() != answer.statusCode()) {
                failures.add(
                        what + " → a problem without a detail or with another status: " + abbreviate(answer.body()));
            }
        } catch (IOException e) {
            failures.add(what + " → a problem that is not JSON: " + abbreviate(answer.body()));
        }
    }

    /** One query that counts the rows of every table but Flyway's. */
    private static String countingQuery(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history' order by tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return String.join(
                " union all ",
                tables.stream()
                        .map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
                        .toList());
    }

    private static Map<String, Long> rowCounts(Connection db, String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Waits (at most 20 s) until no task is running or due within two seconds. */
    private static void awaitQuiet(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from scheduled_tasks"
                            + " where picked or execution_time < now() + interval '2 seconds'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(25);
        }
    }

    private static ObjectNode object(Map<String, Object> fields) {
        return Json.mapper().valueToTree(fields);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
