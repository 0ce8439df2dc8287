package io.chartersync.app;

import io.chartersync.common.Hashes;
import io.chartersync.common.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of the accepted SHA-256 hashes of one secret, one a line, newest first. As a {@link Supplier} it
 * is what a running server checks keys against: it reads the file again whenever it was replaced, so a
 * rotation or a retirement takes effect on the next request. A file that became unreadable or holds no
 * valid hash refuses every key (and says so in the log) rather than accepting any.
 */
final class HashesFile implements Supplier<List<String>> {
    private static final Logger log = LoggerFactory.getLogger(HashesFile.class);
    private final Path path;
    private volatile Snapshot last;
    private volatile String lastError = "";

    private record Snapshot(Object fileKey, FileTime modified, long size, List<String> hashes) {
        boolean describes(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && modified.equals(a.lastModifiedTime()) && size == a.size();
        }
    }

    HashesFile(Path path) {
        this.path = path;
    }

    @Override
    public List<String> get() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Snapshot seen = last;
            if (seen != null && seen.describes(attributes)) {
                return seen.hashes();
            }
            List<String> hashes = read(path);
            last = new Snapshot(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), hashes);
            lastError = "";
            return hashes;
        } catch (IOException | UncheckedIOException | ConfigException e) {
            if (!e.toString().equals(lastError)) {
                lastError = e.toString();
                log.error("{} cannot be used ({}): every key is refused until it is fixed", path, e.getMessage());
            }
            last = null;
            return List.of();
        }
    }

    /** The hashes in {@code path}, newest first; a line that is no SHA-256 stops with a message naming it. */
    static List<String> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!Hashes.isSha256Hex(line)) {
                throw new ConfigException(path + " line " + (i + 1) + " is not a hex SHA-256 (64 hex digits)");
            }
            hashes.add(line.toLowerCase(Locale.ROOT));
        }
        if (hashes.isEmpty()) {
            throw new ConfigException(path + " holds no hash: delete it, and the key in the file beside it is used");
        }
        return List.copyOf(hashes);
    }

    static void write(Path path, List<String> hashes) {
        SecretFiles.replace(path, String.join("\n", hashes) + "\n");
    }
}
