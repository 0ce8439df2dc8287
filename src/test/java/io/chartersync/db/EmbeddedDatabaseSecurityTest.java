package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded database as the program starts it on a fresh data directory: passwords only (TCP and the Unix
 * socket), no trust line, and the program serving as a role that cannot read server files, run programs,
 * skip triggers or change the audit log.
 */
class EmbeddedDatabaseSecurityTest {
    private static final String PERMISSION_DENIED = "42501";
    private static Path data;
    private static Database db;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("cs-secure");
        db = Database.embedded(data.resolve("pg"), 4);
        port = Integer.parseInt(
                Files.readAllLines(data.resolve("pg/postmaster.pid")).get(3).strip());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_connection_without_a_password_is_refused_over_tcp() throws Exception {
        for (String user : List.of("postgres", Roles.OWNER, Roles.SERVING)) {
            assertThat(StartupProbe.overTcp(port, user)).as(user).isEqualTo(StartupProbe.AUTHENTICATION_SASL);
            Throwable refused = catchThrowable(
                    () -> DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), login(user, Optional.empty()))
                            .close());
            assertThat(refused).as(user).isInstanceOf(SQLException.class).hasMessageContaining("password");
            Throwable wrong = catchThrowable(
                    () -> DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), login(user, Optional.of("guess")))
                            .close());
            assertThat(((SQLException) wrong).getSQLState()).as(user).isEqualTo("28P01");
        }
    }

    @Test
    void a_connection_without_a_password_is_refused_over_the_unix_socket() throws Exception {
        Path socket = data.resolve("pg/.s.PGSQL." + port);
        assertThat(socket).as("the socket lives in the data directory").exists();

        for (String user : List.of("postgres", Roles.OWNER, Roles.SERVING)) {
            assertThat(StartupProbe.overSocket(socket, user)).as(user).isEqualTo(StartupProbe.AUTHENTICATION_SASL);
        }
        if (Files.isExecutable(Path.of("/usr/bin/psql"))) {
            Psql withoutPassword = psql(Map.of());
            Psql withPassword = psql(Map.of("PGPASSWORD", password(PasswordFiles.SUPERUSER)));
            assertThat(withoutPassword.exit()).as(withoutPassword.output()).isNotZero();
            assertThat(withoutPassword.output()).contains("password");
            assertThat(withPassword.exit()).as(withPassword.output()).isZero();
            assertThat(withPassword.output().strip()).isEqualTo("1");
        }
    }

    @Test
    void pg_hba_conf_has_no_trust_line() throws IOException {
        List<String> rules = Files.readAllLines(data.resolve("pg/pg_hba.conf")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(rules).noneMatch(rule -> rule.contains("trust"));
    }

    @Test
    void the_passwords_are_in_the_secrets_directory_readable_by_the_owner_only() throws IOException {
        for (String file : List.of(PasswordFiles.SUPERUSER, PasswordFiles.OWNER, PasswordFiles.SERVING)) {
            Path path = data.resolve("secrets").resolve(file);
            assertThat(file).startsWith("postgres-");
            assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(path).strip()).hasSize(43);
        }
    }

    @Test
    void the_program_serves_as_a_role_that_is_no_superuser_and_owns_nothing() {
        Map<String, Object> role =
                db.jdbi().withHandle(h -> h.createQuery("""
                    select current_user as name, rolsuper as super, rolcreaterole as create_role,
                           rolcreatedb as create_db, rolbypassrls as bypass_rls,
                           (select count(*) from pg_class where relowner = r.oid) as owned
                    from pg_roles r where rolname = current_user""").mapToMap().one());

        assertThat(role)
                .containsEntry("name", Roles.SERVING)
                .containsEntry("super", false)
                .containsEntry("create_role", false)
                .containsEntry("create_db", false)
                .containsEntry("bypass_rls", false)
                .containsEntry("owned", 0L);
    }

    @Test
    void the_serving_role_cannot_read_server_files_run_programs_or_switch_off_triggers() {
        for (String sql : List.of(
                "select pg_read_file('postgresql.conf')",
                "select pg_read_binary_file('pg_hba.conf')",
                "select pg_ls_dir('.')",
                "copy crew_member from '/etc/passwd'",
                "copy (select 1) to program 'touch /tmp/charter-sync-pwned'",
                "set session_replication_role = replica",
                "alter table audit_log disable trigger all",
                "alter table audit_log disable trigger audit_log_no_change",
                "drop trigger audit_log_no_change on audit_log",
                "create table intruder (id int)",
                "truncate audit_log")) {
            assertRefused(db.jdbi(), sql);
        }
        assertThat(Path.of("/tmp/charter-sync-pwned")).doesNotExist();
    }

    @Test
    void the_audit_log_refuses_update_and_delete_for_the_serving_role_and_its_trigger_for_anyone() throws Exception {
        AuditLog audit = new AuditLog(Json.mapper(), Clock.systemUTC());
        db.jdbi().useTransaction(h -> audit.append(h, AuditEntry.of("test", "thing.done", "thing:secure")));

        assertRefused(db.jdbi(), "update audit_log set actor = 'someone else'");
        assertRefused(db.jdbi(), "delete from audit_log");
        Jdbi superuser = Jdbi.create(
                EmbeddedDatabase.jdbcUrl(port), login("postgres", Optional.of(password(PasswordFiles.SUPERUSER))));
        Throwable triggered = catchThrowable(
                () -> superuser.useHandle(h -> h.execute("update audit_log set actor = 'someone else'")));
        Throwable deleted = catchThrowable(() -> superuser.useHandle(h -> h.execute("delete from audit_log")));

        assertThat(triggered).hasStackTraceContaining("audit_log is append-only: UPDATE refused");
        assertThat(deleted).hasStackTraceContaining("audit_log is append-only: DELETE refused");
        List<AuditRecord> entries = db.jdbi().withHandle(h -> AuditChain.entriesFor(h, "thing:secure"));
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("test"));
        assertThat(db.jdbi().withHandle(AuditChain::verify)).isInstanceOf(AuditChain.Intact.class);
    }

    @Test
    void the_owner_role_can_read_every_table_for_a_backup() {
        long tables = db.ownerJdbi()
                .withHandle(h -> h.createQuery("""
                    select count(*) from pg_tables
                    where schemaname = 'public' and has_table_privilege(current_user, schemaname || '.' || tablename, 'SELECT')""").mapTo(Long.class).one());
        long all = db.ownerJdbi()
                .withHandle(h -> h.createQuery("select count(*) from pg_tables where schemaname = 'public'")
                        .mapTo(Long.class)
                        .one());

        assertThat(tables).isEqualTo(all).isGreaterThan(10);
        String role = db.ownerJdbi()
                .withHandle(h ->
                        h.createQuery("select current_user").mapTo(String.class).one());
        assertThat(role).isEqualTo(Roles.OWNER);
    }

    private static void assertRefused(Jdbi jdbi, String sql) {
        Throwable thrown = catchThrowable(() -> jdbi.useHandle(h -> h.execute(sql)));

        Optional<SQLException> cause = sqlCause(thrown);
        assertThat(cause).as("%s fails with an SQL error", sql).isPresent();
        assertThat(cause.get().getSQLState())
                .as(sql + ": " + cause.get().getMessage())
                .isEqualTo(PERMISSION_DENIED);
    }

    private static Optional<SQLException> sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static Properties login(String user, Optional<String> password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    private static String password(String file) throws IOException {
        return Files.readString(data.resolve("secrets").resolve(file)).strip();
    }

    private record Psql(int exit, String output) {}

    private static Psql psql(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/psql",
                        "-h",
                        data.resolve("pg").toString(),
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-w",
                        "-At",
                        "-c",
                        "select 1")
                .redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Psql(process.exitValue(), output);
    }
}
