package io.chartersync.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Reads the audit log of the test database. */
public final class AuditTrail {
    private AuditTrail() {}

    /** The entries about {@code subject} ({@code booking:<id>}, {@code calendar:<id>}…), oldest first. */
    public static List<AuditRecord> of(String subject) {
        return jdbi().withHandle(h -> AuditChain.entriesFor(h, subject));
    }

    /** "action by actor" of each entry about {@code subject}, oldest first. */
    public static List<String> actions(String subject) {
        return of(subject).stream().map(e -> e.action() + " by " + e.actor()).toList();
    }

    /** An entry's details, read back from its JSON. */
    public static Map<String, Object> details(AuditRecord entry) {
        try {
            return Json.mapper().readValue(entry.details(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AuditChain.Verdict verify() {
        return jdbi().withHandle(AuditChain::verify);
    }

    private static Jdbi jdbi() {
        return Jdbi.create(TestDatabase.jdbcUrl());
    }
}
