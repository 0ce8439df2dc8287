package io.chartersync.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the entries of an archive (a zip), recording each one's size and SHA-256 for the manifest. */
final class ArchiveWriter implements AutoCloseable {
    private final ZipOutputStream zip;
    private final Map<String, Manifest.Entry> entries = new TreeMap<>();

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Writes one entry through {@code body}, which gets a stream it must not close. */
    void write(String name, EntryBody body) throws IOException {
        if (entries.containsKey(name) || !ArchiveNames.isValid(name)) {
            throw new IllegalArgumentException("not a valid new entry name: " + name);
        }
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(zip, sha));
        body.writeTo(counted);
        counted.flush();
        zip.closeEntry();
        entries.put(name, new Manifest.Entry(counted.count, HexFormat.of().formatHex(sha.digest())));
    }

    /** Copies {@code file} into entry {@code name}. */
    void copy(String name, Path file) throws IOException {
        // Opened before the entry starts: a file gone meanwhile fails here, leaving the zip as it was.
        try (InputStream in = Files.newInputStream(file)) {
            write(name, in::transferTo);
        }
    }

    Map<String, Manifest.Entry> entries() {
        return Map.copyOf(entries);
    }

    /** Writes the manifest as the last entry and ends the zip. */
    void finish(Manifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** What goes into one entry. */
    @FunctionalInterface
    interface EntryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes; closing it leaves the zip open. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
