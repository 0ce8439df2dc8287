package io.chartersync.testsupport;

import io.chartersync.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs a {@code charter-sync} command in this JVM, over a given environment, capturing what it prints. */
public final class Cli {
    private Cli() {}

    /** What a command printed (stdout, stderr) and its exit code. */
    public record Run(int exitCode, String out, String err) {
        /** Both streams, for assertion messages. */
        public String output() {
            return out + err;
        }
    }

    public static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
