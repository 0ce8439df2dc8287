package io.chartersync.console;

import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.common.JsonFields;
import io.chartersync.common.OperatorContact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's contact as the console's Settings page sets it, in the database: each of name, phone and email
 * that is set there takes precedence over the environment's ({@code OPERATOR_NAME}, {@code OPERATOR_PHONE},
 * {@code OPERATOR_EMAIL}), which stay the defaults. Read when a guest page or email is made (reused for {@link
 * #REUSE}), so a change shows on the next one.
 */
public final class OperatorSettings implements OperatorContact.Source {
    static final String NAME = "operator_name";
    static final String PHONE = "operator_phone";
    static final String EMAIL = "operator_email";
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern PHONE_FORM = Pattern.compile("\\+?[0-9 ().-]{3,40}");

    /**
     * How long this node reuses the settings it read: guest pages and emails read the contact inside their own
     * transaction, so a read per page would take a second connection each time. A save on this node is seen at
     * once; one on another node within this long.
     */
    static final Duration REUSE = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final OperatorContact defaults;
    private final Clock clock;
    private final SettingStore store = new SettingStore();
    /** The settings as last read, and when. */
    private record Snapshot(Map<String, String> values, Instant at) {}

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);
    private final AtomicBoolean refreshing = new AtomicBoolean();

    OperatorSettings(Jdbi jdbi, AuditLog audit, OperatorContact defaults, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    public OperatorContact current() {
        Map<String, String> stored = recent();
        return new OperatorContact(
                Optional.ofNullable(stored.get(NAME)).or(defaults::name),
                Optional.ofNullable(stored.get(PHONE)).or(defaults::phone),
                Optional.ofNullable(stored.get(EMAIL)).or(defaults::email));
    }

    /** What the environment sets (shown on the form as what an empty field falls back to). */
    OperatorContact defaults() {
        return defaults;
    }

    /** The settings stored in the database, by name. */
    Map<String, String> stored() {
        return jdbi.withHandle(store::findAll);
    }

    /**
     * The settings as read at most {@link #REUSE} ago (or before the clock was set back). One caller refreshes
     * them, with a connection of its own; the others meanwhile use what was read last and never wait for it:
     * callers hold a connection of their own (a transaction), so waiting callers could take every connection
     * of the pool from the one refreshing.
     */
    private Map<String, String> recent() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        boolean stale = last.at().equals(Instant.MIN)
                || now.isBefore(last.at())
                || !now.isBefore(last.at().plus(REUSE));
        if (stale && refreshing.compareAndSet(false, true)) {
            try {
                last = new Snapshot(Map.copyOf(stored()), now);
                snapshot = last;
            } finally {
                refreshing.set(false);
            }
        }
        return last.values();
    }

    /** After a save: what was saved, read again by the next caller (so another node's save is not missed either). */
    private void forget() {
        snapshot = new Snapshot(Map.copyOf(stored()), Instant.MIN);
    }

    /**
     * Checks and stores the three fields (each stripped; an empty one falls back to the environment), audited as
     * {@code actor}; {@link AppException.InvalidInput} naming each offending field ({@code name}, {@code phone},
     * {@code email}), and nothing changes then.
     */
    void save(String name, String phone, String email, String actor) {
        Optional<String> n = blankToEmpty(name);
        Optional<String> p = blankToEmpty(phone);
        Optional<String> e = blankToEmpty(email);
        List<FieldError> errors = new ArrayList<>();
        n.filter(v -> v.length() > MAX_NAME || v.chars().anyMatch(Character::isISOControl))
                .ifPresent(v ->
                        errors.add(new FieldError("name", "must be one line of at most " + MAX_NAME + " characters")));
        p.filter(v -> !PHONE_FORM.matcher(v).matches()
                        || v.replaceAll("[^0-9]", "").length() < 3)
                .ifPresent(v -> errors.add(new FieldError(
                        "phone", "must be a phone number: digits, spaces, + ( ) . - (e.g. +1 619 555 0100)")));
        e.filter(v -> v.length() > MAX_EMAIL || !JsonFields.isEmail(v))
                .ifPresent(
                        v -> errors.add(new FieldError("email", "must be an email address, like hello@example.com")));
        if (!errors.isEmpty()) {
            throw new AppException.InvalidInput(errors);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", n.orElse(""));
        details.put("phone", p.orElse(""));
        details.put("email", e.orElse(""));
        jdbi.useTransaction(h -> {
            store.put(h, NAME, n);
            store.put(h, PHONE, p);
            store.put(h, EMAIL, e);
            audit.append(h, new AuditEntry(actor, "settings.operator-contact.updated", "settings:operator", details));
        });
        forget();
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
