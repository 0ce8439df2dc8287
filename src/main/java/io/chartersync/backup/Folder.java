package io.chartersync.backup;

import java.nio.file.Path;

/**
 * The folders of a data directory an archive can hold, each under its own name. {@code pg/} is never one:
 * the database is dumped through PostgreSQL, consistently, not copied as files.
 */
public enum Folder {
    /** The published guest pages and photos (file storage). */
    SITE("site"),
    /** The emails the file transport wrote. */
    MAIL("mail"),
    /**
     * The generated tokens, keys and the link-signing key (magic links and upload tokens are signed with it),
     * but not the database's own passwords ({@code postgres-*}): a restored directory makes its own.
     */
    SECRETS("secrets");

    private final String directory;

    Folder(String directory) {
        this.directory = directory;
    }

    String directory() {
        return directory;
    }

    Path in(Path dataDir) {
        return dataDir.resolve(directory);
    }

    /** Whether a file of this folder, named {@code fileName}, goes into an archive. */
    boolean keeps(String fileName) {
        // Hidden files are the program's half-written temporary files.
        return !fileName.startsWith(".") && !(this == SECRETS && fileName.startsWith("postgres-"));
    }
}
