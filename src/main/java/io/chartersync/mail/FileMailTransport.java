package io.chartersync.mail;

import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The embedded default: each email becomes an RFC 5322 file {@code <id>.eml} in one directory. */
final class FileMailTransport implements MailTransport {
    private final Path directory;

    FileMailTransport(Path directory) {
        this.directory = directory;
    }

    @Override
    public void send(String id, MimeMessage message) throws Exception {
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, ".tmp-", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                message.writeTo(out);
            }
            Files.move(
                    tmp,
                    directory.resolve(id + ".eml"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
