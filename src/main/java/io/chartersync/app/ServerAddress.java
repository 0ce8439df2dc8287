package io.chartersync.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public base URL of the server last started on a data directory, kept in {@code DATA_DIR/server-url},
 * so a command run on that directory without {@code --port} or {@code PUBLIC_BASE_URL} (say {@code keys})
 * prints links to where that server listens, not to the default port.
 */
final class ServerAddress {
    private static final Logger log = LoggerFactory.getLogger(ServerAddress.class);
    static final String FILE = "server-url";

    private ServerAddress() {}

    /** Records {@code baseUrl} for {@code dataDir}; a failure only costs the hint, so it is logged, not thrown. */
    static void record(Path dataDir, URI baseUrl) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "." + FILE, ".part");
            try {
                Files.writeString(tmp, baseUrl + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            log.warn("Could not record the server's address in {}: {}", file, e.toString());
        }
    }

    /** The base URL the last server on {@code dataDir} recorded, if any. */
    static Optional<URI> recorded(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            return Files.exists(file)
                    ? Optional.of(URI.create(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Where links point for a command on {@code config}'s data directory: {@code PUBLIC_BASE_URL} or a port
     * given on the command line or in the environment win; else the address the server on that directory
     * recorded; else the default ({@code http://localhost:8080}).
     */
    static URI publicBaseUrl(AppConfig config, boolean addressGiven) {
        return addressGiven
                ? config.http().publicBaseUrl()
                : recorded(config.dataDir()).orElse(config.http().publicBaseUrl());
    }
}
