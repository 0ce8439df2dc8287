package io.chartersync.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.chartersync.common.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an archive holds, written as its last entry {@code manifest.json}: the format, who made it and when,
 * the schema version of the database, every table with its columns and row count, every sequence's value,
 * the audit log's head at the snapshot, and the size and SHA-256 of every other entry.
 */
record Manifest(
        String format,
        int formatVersion,
        String programVersion,
        String schemaVersion,
        Instant createdAt,
        String database,
        Audit audit,
        List<Table> tables,
        List<Sequence> sequences,
        Map<String, Entry> entries) {
    static final String FORMAT = "charter-sync-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "manifest.json";

    Manifest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        entries = entries == null ? Map.of() : new TreeMap<>(entries);
    }

    /** A table's data in entry {@code db/<name>.copy}: PostgreSQL's COPY text format, these columns in order. */
    record Table(String name, List<String> columns, long rows) {
        Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        String entry() {
            return "db/" + name + ".copy";
        }
    }

    /** A sequence's state, for {@code setval(name, lastValue, isCalled)}. */
    record Sequence(String name, long lastValue, boolean isCalled) {}

    /**
     * The audit log at the snapshot, as {@code audit verify} saw it: intact with its entry count and head hash,
     * or broken with the reason (a backup of a tampered log is still made, and says so).
     */
    record Audit(boolean intact, long entries, String head, String problem) {}

    /** One entry's size in bytes and SHA-256 (hex). */
    record Entry(long size, String sha256) {}

    byte[] toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the manifest", e);
        }
    }

    static Manifest fromJson(byte[] json) {
        Manifest m;
        try {
            m = Json.mapper().readValue(json, Manifest.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw new BackupException("its manifest.json is not readable JSON");
        }
        if (!FORMAT.equals(m.format()) || m.schemaVersion() == null || m.audit() == null) {
            throw new BackupException(
                    "it is not a Charter Sync backup (manifest.json has no format \"" + FORMAT + "\")");
        }
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new BackupException("it was written in backup format " + m.formatVersion()
                    + ", newer than this program reads (" + FORMAT_VERSION + "): restore it with the program version"
                    + " that made it (" + m.programVersion() + ") or a newer one");
        }
        return m;
    }
}
