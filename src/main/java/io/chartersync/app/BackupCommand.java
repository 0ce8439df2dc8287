package io.chartersync.app;

import io.chartersync.backup.Backup;
import io.chartersync.backup.BackupException;
import io.chartersync.backup.Folder;
import io.chartersync.backup.Summary;
import io.chartersync.db.Database;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backup FILE}: one consistent archive of the database (embedded or {@code DATABASE_URL}'s) and of the
 * files this node keeps in its data directory: the site unless {@code STORAGE_URL} sends it to S3, the mail
 * unless {@code SMTP_URL} sends it, and the secrets. Works whether or not a server runs on the data directory.
 */
@Command(
        name = "backup",
        description = "Write one consistent archive (zip, mode 0600) of the database, site, mail and secrets;"
                + " the server may keep running.")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The archive to write, e.g. /backups/charter-sync-2026-05-30.zip")
    Path file;

    @Option(names = "--force", description = "Replace FILE if it exists (default: refuse)")
    boolean force;

    @Override
    public Integer call() {
        AppConfig config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        try {
            Backup.refuseExisting(file, force);
            Summary summary;
            try (Database db = ToolDatabase.open(config)) {
                // The dump reads every table, Flyway's history and the sequences: the owner role can, the serving role
                // cannot.
                summary = Backup.write(
                        db.ownerJdbi(),
                        config.dataDir(),
                        folders(config),
                        file,
                        force,
                        new Backup.Origin(RestoreCommand.programVersion(), !config.production(), Clock.systemUTC()));
            }
            out.println("backup written: " + summary.file() + " (" + summary.bytes() + " bytes, mode 0600)");
            summary.describe().forEach(out::println);
            out.println("It holds the data directory's secrets: keep it like them, and a copy off this machine;"
                    + " note the audit head elsewhere too.");
            out.flush();
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("charter-sync: backup refused: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            spec.commandLine()
                    .getErr()
                    .println("charter-sync: backup failed: " + e.getMessage() + " ("
                            + e.getCause().getMessage() + ")");
            return 1;
        }
    }

    /** The folders of the data directory this node keeps its own data in. */
    static Set<Folder> folders(AppConfig config) {
        Set<Folder> folders = EnumSet.of(Folder.SECRETS);
        if (config.storage().url().isEmpty()) {
            folders.add(Folder.SITE);
        }
        if (config.mail().smtp().isEmpty()) {
            folders.add(Folder.MAIL);
        }
        return folders;
    }
}
