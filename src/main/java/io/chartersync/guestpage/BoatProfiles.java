package io.chartersync.guestpage;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.BoatNames;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Per boat, what guests should bring and where they meet it (shown on every guest page of that boat). Saving
 * re-publishes the pages of that boat whose trips have not ended, so guests see it at once.
 */
final class BoatProfiles {
    /** Shown for a boat without its own list. */
    static final List<String> DEFAULT_WHAT_TO_BRING = List.of(
            "Sunscreen, sunglasses and a hat",
            "A light jacket: it gets breezy on the water",
            "Soft-soled, non-marking shoes",
            "Water and any snacks you like",
            "Your camera, and this page to share photos after");

    private final Jdbi jdbi;
    private final BoatStore boats;
    private final PageStore pages;
    private final Clock clock;
    private final GuestPageService service;
    private final AuditLog audit;

    BoatProfiles(Jdbi jdbi, BoatStore boats, PageStore pages, GuestPageService service, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbi = jdbi;
        this.boats = boats;
        this.pages = pages;
        this.service = service;
        this.audit = audit;
    }

    /** The name the boat is shown by: its registered display name, else {@code boat} as written. */
    String displayName(String boat) {
        return jdbi.withHandle(h -> boats.findDisplayName(h, boat)).orElse(BoatNames.display(boat));
    }

    List<String> whatToBring(String boat) {
        return jdbi.withHandle(h -> boats.findWhatToBring(h, boat)).orElse(DEFAULT_WHAT_TO_BRING);
    }

    /** The boat's profile; empty for a boat never registered nor seen on a booking. */
    Optional<GuestPageModule.Boat> profile(String boat) {
        return jdbi.withHandle(h -> boats.find(h, boat)).map(BoatProfiles::profile);
    }

    /** Every boat known (registered, or seen on a booking), by display name. */
    List<GuestPageModule.Boat> all() {
        return jdbi.withHandle(boats::findAll).stream()
                .map(BoatProfiles::profile)
                .toList();
    }

    private static GuestPageModule.Boat profile(BoatStore.Stored s) {
        return new GuestPageModule.Boat(
                s.displayName(),
                s.whatToBring().orElse(DEFAULT_WHAT_TO_BRING),
                s.whatToBring().isPresent(),
                s.meetingPoint(),
                s.mapUrl());
    }

    /**
     * Saves {@code changes} of {@code boat} (audited as {@code action}, by {@code actor}); answers how many
     * upcoming pages were re-published.
     */
    int save(String boat, BoatStore.Changes changes, String action, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("display_name", changes.displayName());
        changes.whatToBring().ifPresent(items -> details.put("what_to_bring", items));
        changes.meetingPoint().ifPresent(m -> details.put("meeting_point", m.orElse("")));
        changes.mapUrl().ifPresent(m -> details.put("map_url", m.orElse("")));
        List<String> slugs = jdbi.inTransaction(h -> {
            boats.save(h, boat, changes);
            audit.append(h, new AuditEntry(actor, action, "boat:" + BoatNames.key(boat), details));
            return pages.upcomingSlugsOf(h, boat, clock.instant());
        });
        slugs.forEach(service::republish);
        return slugs.size();
    }
}
