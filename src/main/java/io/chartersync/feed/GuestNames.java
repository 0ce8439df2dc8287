package io.chartersync.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guest's name from a SUMMARY, when it names one. Marketplaces mostly write a placeholder ("Reserved",
 * "Not available", "Airbnb (Not available)", "Boatsetter booking"); some add the name ("Reserved - Jane
 * Smith", "Booking: Jane Smith (BS-123)"). The SUMMARY is cut into parts at dashes, colons, bars, slashes
 * and brackets; a part is dropped when every word of it is a placeholder word (reserved, booking, blocked,
 * a marketplace's name...) or when it holds a digit or an {@code @} (reservation codes, counts, dates,
 * e-mail addresses); placeholder words at the start of a part ("Booked by ...") are removed. The first part
 * left is the name: control characters removed, spaces collapsed, at most 200 characters.
 */
final class GuestNames {
    static final int MAX_LENGTH = 200;

    private static final Pattern SEPARATORS = Pattern.compile("\\s[-\u2013\u2014]\\s|[:|/()\\[\\]{}<>#*\u2013\u2014]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Set<String> PLACEHOLDERS = Set.of(
            "reserved",
            "reservation",
            "reservations",
            "booked",
            "booking",
            "bookings",
            "book",
            "not",
            "available",
            "unavailable",
            "blocked",
            "block",
            "closed",
            "busy",
            "occupied",
            "hold",
            "on",
            "tentative",
            "pending",
            "confirmed",
            "request",
            "requested",
            "inquiry",
            "enquiry",
            "owner",
            "owner's",
            "owners",
            "use",
            "private",
            "maintenance",
            "new",
            "trip",
            "charter",
            "rental",
            "rent",
            "event",
            "guest",
            "guests",
            "n/a",
            "na",
            "none",
            "tbd",
            "the",
            "a",
            "by",
            "for",
            "from",
            "with",
            "via",
            "and",
            "airbnb",
            "vrbo",
            "homeaway",
            "booking.com",
            "boatsetter",
            "getmyboat",
            "click&boat",
            "clickandboat",
            "click",
            "&",
            "boat",
            "samboat",
            "nautal",
            "sailo",
            "yachtico",
            "zizoo",
            "expedia",
            "calendar",
            "sync",
            "imported",
            "external",
            "unknown",
            "-",
            "\u2013",
            "x",
            "réservation",
            "réservé",
            "réservée",
            "indisponible",
            "bloqué",
            "fermé",
            "location",
            "disponible",
            "non",
            "reserva",
            "reservado",
            "reservada",
            "bloqueado",
            "no",
            "buchung",
            "gebucht",
            "belegt",
            "gesperrt",
            "prenotazione",
            "prenotato",
            "occupato",
            "bloccato");

    private GuestNames() {}

    static Optional<String> from(String summary) {
        String clean =
                CONTROL.matcher(summary).replaceAll(" ").replaceAll("\\s+", " ").trim();
        for (String part : SEPARATORS.split(" " + clean + " ")) {
            Optional<String> name = name(part.trim());
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> name(String part) {
        if (part.isEmpty() || part.chars().anyMatch(c -> Character.isDigit(c) || c == '@')) {
            return Optional.empty();
        }
        String[] words = part.split(" ");
        int first = 0;
        while (first < words.length && isPlaceholder(words[first])) {
            first++;
        }
        if (first == words.length) {
            return Optional.empty();
        }
        String rest = String.join(" ", Arrays.asList(words).subList(first, words.length));
        if (rest.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(cap(rest.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.'’]]+$|\\s+$", "")))
                .filter(n -> n.chars().filter(Character::isLetter).count() >= 2);
    }

    private static boolean isPlaceholder(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^&]]+$", "");
        return w.isEmpty() || PLACEHOLDERS.contains(w);
    }

    private static String cap(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).trim();
    }
}
