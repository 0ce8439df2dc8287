package io.chartersync.app;

import io.chartersync.backup.BackupException;
import io.chartersync.backup.Restore;
import io.chartersync.backup.Summary;
import io.chartersync.db.Database;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restore FILE --data DIR}: an archive of {@code backup} into a new or empty data directory, its
 * database into the embedded PostgreSQL created there, or into {@code DATABASE_URL}'s database when that is
 * set (which must hold no rows yet).
 */
@Command(
        name = "restore",
        description = "Restore an archive of `backup` into a new or empty data directory (and, with DATABASE_URL,"
                + " into that empty database).")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The archive to restore")
    Path file;

    @Override
    public Integer call() {
        AppConfig config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = config.dataDir();
        try {
            Summary summary = Restore.run(
                    file,
                    dir,
                    () -> config.db()
                            .url()
                            .map(url -> Database.external(url, 2))
                            .orElseGet(() -> Database.embedded(dir.resolve("pg"), 2)));
            out.println("restored " + file + " into " + summary.file()
                    + (config.production() ? " and DATABASE_URL's database" : ""));
            summary.describe().forEach(out::println);
            out.println("Compare the audit head with the one kept off this machine, then start the server:"
                    + " ./charter-sync serve --data " + summary.file());
            out.flush();
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("charter-sync: restore refused: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            spec.commandLine()
                    .getErr()
                    .println("charter-sync: restore failed: " + e.getMessage() + " ("
                            + e.getCause().getMessage() + ")");
            return 1;
        }
    }

    /** The program's version, as {@code --version} prints it, for the archive's manifest. */
    static String programVersion() {
        String version = Main.class.getAnnotation(Command.class).version()[0];
        return version.replaceFirst("^charter-sync ", "");
    }
}
