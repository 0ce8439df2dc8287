package io.chartersync.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded server's {@code pg_hba.conf}: passwords (SCRAM) only, over the Unix socket in the data
 * directory and over TCP from 127.0.0.1; no other address, no {@code trust}. Written before every start, so
 * a data directory of the earlier program (initdb {@code -A trust}) and a hand-edited file come out the same.
 */
final class PgHba {
    static final String CONTENT = """
        # Written by Charter Sync at every start of its embedded PostgreSQL (changes here do not last).
        # Password (SCRAM) connections only: the Unix socket in this directory, and TCP from 127.0.0.1.
        # TYPE  DATABASE  USER  ADDRESS        METHOD
        local   all       all                  scram-sha-256
        host    all       all   127.0.0.1/32   scram-sha-256
        """;

    private PgHba() {}

    static void write(Path dataDirectory) {
        Path file = dataDirectory.resolve("pg_hba.conf");
        try {
            Path tmp = dataDirectory.resolve("pg_hba.conf.part");
            Files.writeString(tmp, CONTENT);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
