package io.chartersync.common;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields of a JSON body by dotted path ({@code guest.email}, {@code crew_assignments[0].role})
 * and collects every error, so one answer names every offending field.
 */
public final class JsonFields {
    private static final int MAX_TEXT = 2000;
    private static final int MAX_SCALE = 4;
    /** The years a date of any body or query may fall in. */
    public static final int MIN_YEAR = 2000;

    public static final int MAX_YEAR = 2100;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("^[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+$");

    private final JsonNode root;
    private final List<FieldError> errors = new ArrayList<>();

    public JsonFields(JsonNode root) {
        this.root = root;
    }

    public JsonNode node(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                node = node.get(part.substring(0, bracket));
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                node = node == null ? null : node.get(index);
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    public boolean isObject(String path, boolean required) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return false;
        }
        if (!node.isObject()) {
            error(path, "must be an object");
            return false;
        }
        return true;
    }

    /** One line of text (a name, an id, an address): line breaks are refused. */
    public Optional<String> text(String path, boolean required) {
        Optional<String> value = multilineText(path, required);
        if (value.filter(Characters::hasLineBreak).isPresent()) {
            error(path, "must be one line (no line breaks)");
            return Optional.empty();
        }
        return value;
    }

    /** Text that may span lines (notes): tabs and line breaks are kept. */
    public Optional<String> multilineText(String path, boolean required) {
        JsonNode node = node(path);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                error(path, "is required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            error(path, "must be a string");
            return Optional.empty();
        }
        String value = node.asText().strip();
        Optional<String> unfit = Characters.problem(value);
        if (unfit.isPresent()) {
            error(path, unfit.get());
            return Optional.empty();
        }
        if (value.length() > MAX_TEXT) {
            error(path, "must be at most " + MAX_TEXT + " characters");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A number (JSON number or numeric string) of at most {@value #MAX_SCALE} decimals and below one
     * billion: amounts, rates, hours and counts are never larger, and a bound keeps stored bodies readable.
     */
    public Optional<BigDecimal> decimal(String path, boolean required) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return Optional.empty();
        }
        BigDecimal value = null;
        try {
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,12}(\\.\\d{1,12})?")) {
                value = new BigDecimal(node.asText().strip());
            }
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            error(path, "must be a number, was " + abbreviate(node.toString()));
            return Optional.empty();
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.abs().compareTo(LIMIT) >= 0 || plain.scale() > MAX_SCALE) {
            error(
                    path,
                    "must be below 1000000000 with at most " + MAX_SCALE + " decimals, was "
                            + abbreviate(node.toString()));
            return Optional.empty();
        }
        return Optional.of(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /**
     * A whole number from {@code min} to {@code max} (a JSON number or numeric string; {@code 3.0} is 3): counts
     * and sizes.
     */
    public Optional<Integer> wholeNumber(String path, boolean required, int min, int max) {
        return decimal(path, required).flatMap(value -> {
            if (value.scale() > 0
                    || value.compareTo(BigDecimal.valueOf(min)) < 0
                    || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                error(path, "must be a whole number from " + min + " to " + max);
                return Optional.empty();
            }
            return Optional.of(value.intValueExact());
        });
    }

    /**
     * True for a date within the years {@value #MIN_YEAR} to {@value #MAX_YEAR}, else records an error:
     * no charter is planned outside them, and the files we write (iCalendar, say) hold four-digit years.
     */
    public boolean inYears(String path, LocalDate date) {
        if (isInYears(date)) {
            return true;
        }
        error(path, "must be a date in the years " + MIN_YEAR + " to " + MAX_YEAR + ", was " + date);
        return false;
    }

    /** True for a date within the years {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
    public static boolean isInYears(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    private static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }

    /** An IANA time zone id such as America/Los_Angeles; fixed offsets ("+02:00", "Z") are refused. */
    public Optional<ZoneId> zone(String path, boolean required) {
        return text(path, required).flatMap(value -> {
            if (isIanaZone(value)) {
                return Optional.of(ZoneId.of(value));
            }
            error(path, "'" + abbreviate(value) + "' is not a known IANA time zone (e.g. America/Los_Angeles)");
            return Optional.empty();
        });
    }

    /**
     * True for an IANA time zone id of the JDK's database. Other providers may add ids (ical4j adds its own
     * "ical4j~…" zones); those are not marina time zones.
     */
    public static boolean isIanaZone(String value) {
        return !value.contains("~") && ZoneId.getAvailableZoneIds().contains(value);
    }

    /** An email address (a plain addr-spec; display names are not accepted here). */
    public Optional<String> email(String path, boolean required) {
        Optional<String> value = text(path, required);
        value.filter(v -> !isEmail(v)).ifPresent(v -> error(path, "'" + abbreviate(v) + "' is not an email address"));
        return value.filter(JsonFields::isEmail);
    }

    /** A plain address (user@domain.tld) that mail can also send to (strict RFC 822 syntax). */
    public static boolean isEmail(String value) {
        if (!EMAIL.matcher(value).matches()) {
            return false;
        }
        try {
            new InternetAddress(value, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    public void error(String field, String detail) {
        errors.add(new FieldError(field, detail));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new AppException.InvalidInput(errors);
        }
    }
}
