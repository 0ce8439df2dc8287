package io.chartersync.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.util.PasswordUtil;

/** The two one-off PostgreSQL programs the embedded database needs: initdb, and single-user mode. */
final class ServerCommands {
    private final PostgresBinaries binaries;
    private final Path directory;

    ServerCommands(PostgresBinaries binaries, Path directory) {
        this.binaries = binaries;
        this.directory = directory;
    }

    /** A new cluster whose superuser has the password in {@code passwordFile}; password logins only. */
    void initdb(Path passwordFile) {
        run(
                binaries.command(
                        "initdb",
                        List.of(
                                "-D",
                                directory.toString(),
                                "-U",
                                EmbeddedDatabase.SUPERUSER,
                                "--auth=scram-sha-256",
                                "--pwfile=" + passwordFile,
                                "-E",
                                "UTF-8",
                                "--no-instructions")),
                "");
    }

    /**
     * Sets the superuser's password while no server runs, in single-user mode (no connection, so no
     * authentication needed): how a data directory made with {@code trust} gets its first password. Only
     * the SCRAM verifier is sent, never the password itself.
     */
    void setSuperuserPassword(String password) {
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        String output = run(
                binaries.command(
                        "postgres", List.of("--single", "-D", directory.toString(), EmbeddedDatabase.DATABASE)),
                "alter role " + EmbeddedDatabase.SUPERUSER + " with password '" + verifier + "'\n");
        if (output.contains("ERROR")) {
            throw new IllegalStateException("could not set the superuser password in single-user mode: "
                    + output.replace(verifier, "[verifier]"));
        }
    }

    private static String run(List<String> command, String input) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(programName(command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL's " + programName(command) + " failed (exit code "
                        + process.exitValue() + "): " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + programName(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + programName(command), e);
        }
    }

    private static String programName(List<String> command) {
        return command.stream()
                .filter(c -> c.contains("/bin/"))
                .findFirst()
                .map(c -> Path.of(c).getFileName().toString())
                .orElse(command.getFirst());
    }
}
