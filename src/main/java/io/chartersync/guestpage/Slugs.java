package io.chartersync.guestpage;

import io.chartersync.common.TokenGenerator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Readable, unguessable page names: {@code may-30-boatsetter-k3x9q7ab}. The date and source make it
 * readable; 8 random characters (about 41 bits) make it unguessable.
 */
final class Slugs {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM-d", Locale.US);
    private final TokenGenerator random;

    Slugs(TokenGenerator random) {
        this.random = random;
    }

    String next(LocalDate date, String source) {
        String cleanSource =
                source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (cleanSource.length() > 30) {
            cleanSource = cleanSource.substring(0, 30);
        }
        String prefix = DAY.format(date).toLowerCase(Locale.ROOT) + (cleanSource.isEmpty() ? "" : "-" + cleanSource);
        return prefix + "-" + random.lowerAlphanumeric(8);
    }
}
