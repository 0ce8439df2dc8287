package io.chartersync.guestpage;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.BoatNames;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Per boat, what guests should bring (shown on every guest page of that boat). Saving a list re-publishes
 * the pages of that boat whose trips have not ended, so guests see it at once.
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

    /** Saves the list (as {@code actor}); answers how many upcoming pages were re-published. */
    int saveWhatToBring(String boat, List<String> items, String actor) {
        List<String> slugs = jdbi.inTransaction(h -> {
            boats.saveWhatToBring(h, boat, items);
            audit.append(
                    h,
                    new AuditEntry(
                            actor,
                            "boat.what-to-bring.updated",
                            "boat:" + BoatNames.key(boat),
                            Map.of("what_to_bring", items)));
            return pages.upcomingSlugsOf(h, boat, clock.instant());
        });
        slugs.forEach(service::republish);
        return slugs.size();
    }
}
