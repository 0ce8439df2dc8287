package io.chartersync.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code bench} counts besides the syncs, through the program's own API as any client would: the
 * emails still queued (from the status documents) and what the syncs made twice (from the calendar and
 * crew APIs). It reads no table: each belongs to a module, which answers through its routes.
 */
final class BenchCounts {
    /** The calendar and crew APIs answer at most 400 days at a time. */
    private static final int DAYS_PER_REQUEST = 365;

    private final ApiClient operator;
    private final ApiClient service;

    /** {@code operator} carries the operator token, {@code service} the crew service key. */
    BenchCounts(ApiClient operator, ApiClient service) {
        this.operator = operator;
        this.service = service;
    }

    /** The bench's bookings start on consecutive days from {@code first}, one a day. */
    record Days(LocalDate first, int count) {}

    /** Emails of every booking still waiting in the outbox. */
    int queuedEmails() {
        return statuses().stream().mapToInt(s -> s.at("/emails/queued").asInt()).sum();
    }

    /**
     * Calendar entries beyond one per booking, crew events beyond the one each booking's status names, and
     * crew members linked to one event more than once, over the bookings' days.
     */
    int duplicates(List<Days> days) {
        List<String> entryBookings = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (Days range : days) {
            // A day either side: the APIs count days on the marina's clock, the bookings on their own.
            LocalDate from = range.first().minusDays(1);
            LocalDate end = range.first().plusDays(range.count());
            for (LocalDate start = from; !start.isAfter(end); start = start.plusDays(DAYS_PER_REQUEST)) {
                String query = "?from=" + start + "&to=" + min(start.plusDays(DAYS_PER_REQUEST - 1), end);
                operator.expectOk("GET", "/calendar" + query, null)
                        .get("entries")
                        .forEach(e -> {
                            if (e.path("booking_id").isTextual()) {
                                entryBookings.add(e.get("booking_id").asText());
                            }
                        });
                service.expectOk("GET", "/events" + query, null).get("events").forEach(events::add);
            }
        }
        Set<String> namedEvents = new HashSet<>();
        statuses().forEach(s -> {
            if (s.at("/crew/event_id").isTextual()) {
                namedEvents.add(s.at("/crew/event_id").asText());
            }
        });
        int extraEntries = entryBookings.size() - new HashSet<>(entryBookings).size();
        int extraEvents = events.size() - namedEvents.size();
        return extraEntries + extraEvents + twiceLinked(events);
    }

    /** Pairs of event and member that have more than one link. */
    private static int twiceLinked(List<JsonNode> events) {
        int twice = 0;
        for (JsonNode event : events) {
            Map<String, Integer> links = new HashMap<>();
            event.path("assignments")
                    .forEach(a -> links.merge(a.path("member_id").asText(), 1, Integer::sum));
            twice += (int) links.values().stream().filter(n -> n > 1).count();
        }
        return twice;
    }

    /** Every booking's status document, page by page. */
    private List<JsonNode> statuses() {
        List<JsonNode> all = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = operator.expectOk("GET", "/api/bookings?limit=500" + after, null)
                    .get("bookings");
            page.forEach(all::add);
            if (page.size() < 500) {
                return all;
            }
            after = "&after=" + page.get(page.size() - 1).get("id").asText();
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
