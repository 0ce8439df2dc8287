package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.OrphanPostgres;
import io.chartersync.testsupport.StandardInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code users add|list|remove|reset} on an embedded data directory with no server running (each command
 * starts the database and stops it); with a server, see {@code console.ConsoleSignInTest}, whose users are
 * made by these commands while the program serves.
 */
class UsersCommandTest {
    private Path data;

    @BeforeEach
    void a_new_data_directory() throws Exception {
        data = Files.createTempDirectory("charter-sync-users");
    }

    @AfterEach
    void stop_what_is_left() {
        OrphanPostgres.stop(data.resolve("pg"));
    }

    @Test
    void users_are_added_listed_reset_and_removed_and_every_change_is_audited() {
        Cli.Run added = users("", "add", "Owner@Example.com", "--role", "owner", "--port", "9123");
        Cli.Run withPassword = users(
                "a dispatcher's password\n", "add", "desk@example.com", "--role", "dispatcher", "--password-stdin");
        Cli.Run listed = users("", "list");

        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(added.out())
                .contains("Added Owner@Example.com (owner).", "valid 24 h")
                .containsPattern("http://localhost:9123/set-password/[A-Za-z0-9_-]{43}\\n");
        assertThat(withPassword.exitCode()).as(withPassword.output()).isZero();
        assertThat(withPassword.out()).contains("Added desk@example.com (dispatcher) with the password given.");
        assertThat(withPassword.output()).doesNotContain("a dispatcher's password");
        assertThat(listed.out().lines().toList())
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first).contains("desk@example.com", "dispatcher", "password set"),
                        second -> assertThat(second).contains("Owner@Example.com", "owner", "waiting for password"));

        Cli.Run reset = users("", "reset", "desk@example.com");
        Cli.Run removed = users("", "remove", "desk@example.com");
        Cli.Run after = users("", "list");
        Cli.Run audit = Cli.run(Map.of(), "audit", "verify", "--data", data.toString());

        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(reset.out()).containsPattern("http://localhost:8080/set-password/[A-Za-z0-9_-]{43}\\n");
        assertThat(removed.exitCode()).as(removed.output()).isZero();
        assertThat(after.out().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("Owner@Example.com", "owner"));
        assertThat(audit.out()).contains("audit ok: 4 entries");
    }

    @Test
    void a_duplicate_a_bad_role_a_short_password_an_unknown_user_or_the_last_owner_is_refused_with_a_sentence() {
        users("", "add", "owner@example.com", "--role", "owner");

        Cli.Run duplicate = users("", "add", "OWNER@example.com", "--role", "dispatcher");
        Cli.Run badRole = users("", "add", "x@example.com", "--role", "admin");
        Cli.Run shortPassword = users("too short\n", "add", "y@example.com", "--role", "owner", "--password-stdin");
        Cli.Run badEmail = users("", "add", "not-an-email", "--role", "owner");
        Cli.Run unknown = users("", "remove", "nobody@example.com");
        Cli.Run lastOwner = users("", "remove", "owner@example.com");

        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("a console user OWNER@example.com already exists");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role must be owner or dispatcher");
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("password: must be at least 12 characters long");
        assertThat(badEmail.exitCode()).isEqualTo(1);
        assertThat(badEmail.err()).contains("email: must be an email address");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("console user nobody@example.com not found");
        assertThat(lastOwner.exitCode()).isEqualTo(1);
        assertThat(lastOwner.err()).contains("owner@example.com is the last owner: add another owner first");
        for (Cli.Run run : new Cli.Run[] {duplicate, badRole, shortPassword, badEmail, unknown, lastOwner}) {
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
        assertThat(users("", "list").out().lines().toList()).hasSize(1);
    }

    private Cli.Run users(String stdin, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "users";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--data";
        command[args.length + 2] = data.toString();
        return StandardInput.with(stdin, () -> Cli.run(Map.of(), command));
    }
}
