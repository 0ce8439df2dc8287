package io.chartersync.common;

import java.util.Optional;

/**
 * How guests reach the charter operator: a name, a phone number and an email address, each only when set.
 * Every guest page and guest email shows what is set; {@code email} is also where operator alerts go.
 */
public record OperatorContact(Optional<String> name, Optional<String> phone, Optional<String> email) {
    public static final OperatorContact NONE =
            new OperatorContact(Optional.empty(), Optional.empty(), Optional.empty());

    /** True when nothing is set: pages and emails then say "your charter operator" and nothing more. */
    public boolean isEmpty() {
        return name.isEmpty() && phone.isEmpty() && email.isEmpty();
    }

    /** The phone as a {@code tel:} URI: digits and a leading plus only. */
    public Optional<String> phoneUri() {
        return phone.map(p -> "tel:" + (p.strip().startsWith("+") ? "+" : "") + p.replaceAll("[^0-9]", ""));
    }

    public Optional<String> emailUri() {
        return email.map(e -> "mailto:" + e);
    }

    /**
     * Where the operator's contact is read from, each time it is needed: the settings of the environment
     * ({@code OPERATOR_NAME}, {@code OPERATOR_PHONE}, {@code OPERATOR_EMAIL}) today; a settings store the
     * operator edits may take its place.
     */
    @FunctionalInterface
    public interface Source {
        OperatorContact current();

        static Source fixed(OperatorContact contact) {
            return () -> contact;
        }
    }
}
