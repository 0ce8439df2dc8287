package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.StandardInput;
import io.chartersync.testsupport.TestApp;
import java.util.HashMap;
import java.util.Map;

/** Console users made the way an operator makes them: {@code charter-sync users ...}, against the running program's database. */
final class ConsoleUsers {
    private ConsoleUsers() {}

    /** Runs {@code charter-sync users args...} with {@code password} on standard input; it must succeed. */
    static Cli.Run run(RunningApp app, String password, String... args) {
        return run(app.testApp(), password, args);
    }

    /** The same against a program started by the test itself. */
    static Cli.Run run(TestApp app, String password, String... args) {
        Map<String, String> env = new HashMap<>(TestApp.environment(app.dataDir()));
        env.put("PUBLIC_BASE_URL", app.baseUrl().toString());
        String[] command = new String[args.length + 1];
        command[0] = "users";
        System.arraycopy(args, 0, command, 1, args.length);
        Cli.Run run = StandardInput.with(password + "\n", () -> Cli.run(env, command));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    /** The set-password link a command printed. */
    static String link(String output) {
        return output.lines()
                .map(String::strip)
                .filter(l -> l.contains("/set-password/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link in: " + output));
    }
}
