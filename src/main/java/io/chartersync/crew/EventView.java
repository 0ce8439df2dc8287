package io.chartersync.crew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A crew event as the crew API answers it: who is on it and how they answered. No revenue. */
record EventView(
        String eventId,
        String eventName,
        String boat,
        Instant date,
        String timeZone,
        BigDecimal durationHours,
        String location,
        String notes,
        String guestPageUrl,
        String captain,
        List<String> crew,
        String status,
        int version,
        List<Assignment> assignments) {

    /** One member's assignment; {@code stale}: they answered an earlier version, so must answer again. */
    record Assignment(String memberId, String role, String answer, boolean stale) {}
}
