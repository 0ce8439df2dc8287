package io.chartersync.backup;

import java.nio.file.Path;
import java.util.Set;

/**
 * The names an archive may hold: {@code manifest.json}, {@code db/<table>.copy}, and files under one of the
 * {@link Folder}s, as relative paths with forward slashes. Anything else (an absolute path, {@code ..}, a
 * backslash, an empty or hidden segment) is refused, so no entry can land outside the data directory.
 */
final class ArchiveNames {
    private static final Set<String> TOP = Set.of("db", "site", "mail", "secrets");

    private ArchiveNames() {}

    static boolean isValid(String name) {
        if (name.equals(Manifest.ENTRY)) {
            return true;
        }
        String[] segments = name.split("/", -1);
        if (segments.length < 2 || !TOP.contains(segments[0]) || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** The entry name of {@code file} under {@code root}, in folder {@code folder}. */
    static String of(Folder folder, Path root, Path file) {
        StringBuilder name = new StringBuilder(folder.directory());
        for (Path segment : root.relativize(file)) {
            name.append('/').append(segment);
        }
        return name.toString();
    }
}
