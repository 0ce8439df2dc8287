package io.chartersync.app;

import io.chartersync.db.EmbeddedDatabase;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code charter-sync}: the command line. */
@Command(
        name = "charter-sync",
        mixinStandardHelpOptions = true,
        version = "charter-sync 0.1.0",
        description = "Keeps charter bookings in sync across the calendar, crew, guest pages and email.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            BookCommand.class,
            StatusCommand.class,
            ListCommand.class,
            CancelCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            UsersCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            BenchCommand.class
        })
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line over {@code env} (the process environment, or another one for commands run
     * in-process), with the exit codes of known failures: 78 for configuration, 1 for the rest.
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CommonOptions.class ? type.cast(new CommonOptions(env)) : defaults.create(type);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("charter-sync: configuration error: " + e.getMessage());
                return 78;
            }
            if (e instanceof EmbeddedDatabase.DataDirectoryInUse inUse) {
                commandLine.getErr().println("charter-sync: " + inUse.getMessage());
                return 1;
            }
            if (e instanceof CommandFailure failure) {
                commandLine.getErr().println("charter-sync: " + failure.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }
}
