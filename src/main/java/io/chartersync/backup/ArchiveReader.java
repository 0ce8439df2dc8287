package io.chartersync.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an archive, checking it whole before anything is restored from it: a readable zip, a manifest of
 * this format, every entry it lists present with its size and SHA-256, no entry it does not list, and no
 * name that could reach outside the data directory. A truncated or damaged file stops here.
 */
final class ArchiveReader implements AutoCloseable {
    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;

    private ArchiveReader(Path file, ZipFile zip, Manifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and checks {@code file}; a {@link BackupException} says what is wrong with it. */
    static ArchiveReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " is not a file: name the archive `backup` wrote");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BackupException(file + " is not a complete archive (" + e.getMessage()
                    + "): it was cut short or damaged; use another copy");
        } catch (IOException e) {
            throw new BackupException("could not read " + file + " (" + e.getMessage() + ")", e);
        }
        try {
            ArchiveReader reader = new ArchiveReader(file, zip, readManifest(file, zip));
            reader.check();
            return reader;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** The entries listed under {@code folder}, in name order. */
    List<String> entries(Folder folder) {
        String prefix = folder.directory() + "/";
        return manifest.entries().keySet().stream()
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .toList();
    }

    /** The bytes of a listed entry (checked already). */
    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BackupException(file + " has no entry " + name);
        }
        return zip.getInputStream(entry);
    }

    private static Manifest readManifest(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new BackupException(file + " is not a Charter Sync backup: it has no " + Manifest.ENTRY);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Manifest.fromJson(in.readAllBytes());
        } catch (BackupException e) {
            throw new BackupException(file + " cannot be restored: " + e.getMessage());
        } catch (IOException e) {
            throw damaged(file, Manifest.ENTRY, e.getMessage());
        }
    }

    private void check() {
        List<String> unlisted = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!ArchiveNames.isValid(name)) {
                throw new BackupException(file + " holds an entry named " + name
                        + ", which a Charter Sync backup never does: it is refused as a whole");
            }
            if (!name.equals(Manifest.ENTRY) && !manifest.entries().containsKey(name)) {
                unlisted.add(name);
            }
        }
        if (!unlisted.isEmpty()) {
            throw new BackupException(file + " holds entries its manifest does not list: " + unlisted);
        }
        for (Manifest.Table table : manifest.tables()) {
            if (!manifest.entries().containsKey(table.entry())) {
                throw new BackupException(file + " lists table " + table.name() + " but has no " + table.entry());
            }
        }
        for (Map.Entry<String, Manifest.Entry> listed : manifest.entries().entrySet()) {
            checkEntry(listed.getKey(), listed.getValue());
        }
    }

    private void checkEntry(String name, Manifest.Entry expected) {
        if (!ArchiveNames.isValid(name) || zip.getEntry(name) == null) {
            throw damaged(file, name, "listed in the manifest but missing");
        }
        MessageDigest sha = ArchiveWriter.sha256();
        long size;
        try (InputStream in = new DigestInputStream(open(name), sha)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw damaged(file, name, e.getMessage());
        }
        if (size != expected.size() || !HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
            throw damaged(file, name, "its size or SHA-256 differs from the manifest's");
        }
    }

    private static BackupException damaged(Path file, String entry, String why) {
        return new BackupException(
                file + " is damaged: entry " + entry + " cannot be trusted (" + why + "); use another copy");
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }
}
