package io.chartersync.app;

import io.chartersync.audit.AuditChain;
import io.chartersync.db.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit verify}: checks the hash chain of the audit log; exit code 0 when intact, 1 when broken. */
@Command(
        name = "audit",
        description = "Check the audit log.",
        subcommands = AuditCommand.Verify.class,
        mixinStandardHelpOptions = true)
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            description = "Check that every audit entry chains to the one before it; names the first that does not.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AuditChain.Verdict verdict;
            try (Database db = ToolDatabase.open(options.config())) {
                verdict = db.jdbi().withHandle(AuditChain::verify);
            }
            int exit = switch (verdict) {
                case AuditChain.Intact ok -> {
                    out.println("audit ok: " + ok.entries() + " entries, chain intact");
                    if (ok.entries() > 0) {
                        out.println("  last entry #" + ok.lastId() + ", hash " + ok.lastHash());
                    }
                    yield 0;
                }
                case AuditChain.Broken broken -> {
                    out.println("audit broken at entry #" + broken.entryId() + " (" + broken.at() + "): "
                            + broken.reason());
                    yield 1;
                }
            };
            out.flush();
            return exit;
        }
    }
}
