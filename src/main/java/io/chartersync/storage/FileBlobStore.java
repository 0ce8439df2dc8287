package io.chartersync.storage;

import io.chartersync.common.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Objects as files under one root; each object's metadata sits beside it in {@code <file>.meta}. Writes
 * go to a temporary file first and are moved into place, so a reader never sees half an object.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;
    private final LocalUploads uploads;

    public FileBlobStore(Path root, LocalUploads uploads) {
        this.root = root.toAbsolutePath().normalize();
        this.uploads = uploads;
    }

    @Override
    public String put(String key, byte[] bytes, String contentType, String cacheControl) {
        Path target = resolve(key);
        String etag = "\"" + Hashes.sha256Hex(bytes).substring(0, 32) + "\"";
        Properties meta = new Properties();
        meta.setProperty("content-type", contentType);
        meta.setProperty("cache-control", cacheControl);
        meta.setProperty("etag", etag);
        try {
            Files.createDirectories(target.getParent());
            StringBuilder metaText = new StringBuilder();
            meta.stringPropertyNames().stream()
                    .sorted()
                    .forEach(k -> metaText.append(k)
                            .append('=')
                            .append(meta.getProperty(k))
                            .append('\n'));
            writeAtomically(metaFile(target), metaText.toString().getBytes(StandardCharsets.UTF_8));
            writeAtomically(target, bytes);
            return etag;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key, e);
        }
    }

    @Override
    public Optional<Blob> get(String key) {
        Path target = resolve(key);
        try {
            byte[] bytes = Files.readAllBytes(target);
            Properties meta = new Properties();
            try (var in = Files.newInputStream(metaFile(target))) {
                meta.load(in);
            }
            return Optional.of(new Blob(
                    bytes,
                    meta.getProperty("content-type", "application/octet-stream"),
                    meta.getProperty("cache-control", "no-cache"),
                    meta.getProperty("etag", "\"" + Hashes.sha256Hex(bytes).substring(0, 32) + "\"")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path target = resolve(key);
        try {
            Files.deleteIfExists(metaFile(target));
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + key, e);
        }
    }

    /** The program's own upload route stands in for the store (see {@link LocalUploads}). */
    @Override
    public UploadTarget presignUpload(String key, String contentType, long size, java.time.Duration ttl) {
        return uploads.sign(key, contentType, size, ttl);
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || key.isBlank()) {
            throw new IllegalArgumentException("object key escapes the store: " + key);
        }
        return path;
    }

    private static Path metaFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".meta");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
