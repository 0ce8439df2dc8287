package io.chartersync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chartersync.common.Json;
import io.chartersync.db.Database;
import io.chartersync.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production mode, where the program is no superuser: the role that owns the schema (and ran the
 * migrations) may add to the audit log and read it, but neither change, delete nor truncate it; nor may a
 * separate application role granted only SELECT and INSERT.
 */
class AuditPrivilegesTest {
    private static final String DB = "audit_priv";
    private static final String OWNER = "audit_owner";
    private static final String APP = "audit_app";
    private static final String PASSWORD = "audit-test-password";

    private final AuditLog log = new AuditLog(Json.mapper(), Clock.systemUTC());

    @BeforeAll
    static void databaseOwnedByAnOrdinaryRole() {
        TestDatabase.execute(
                "drop database if exists " + DB,
                "drop role if exists " + APP,
                "drop role if exists " + OWNER,
                "create role " + OWNER + " login password '" + PASSWORD + "'",
                "create role " + APP + " login password '" + PASSWORD + "'",
                "create database " + DB + " owner " + OWNER);
        // The program's own migrations, run by the owner as the program runs them at start.
        Database.external(url(OWNER), 2).close();
    }

    @Test
    void the_owner_that_migrated_may_insert_and_select_but_not_update_delete_or_truncate() throws Exception {
        Jdbi owner = Jdbi.create(url(OWNER));
        owner.useTransaction(h -> log.append(h, AuditEntry.of("test", "thing.done", "thing:owner")));

        AuditChain.Verdict verdict = owner.withHandle(AuditChain::verify);
        assertThat(verdict).isInstanceOf(AuditChain.Intact.class);
        assertPermissionDenied(owner, "update audit_log set actor = 'someone else'");
        assertPermissionDenied(owner, "delete from audit_log");
        assertPermissionDenied(owner, "truncate audit_log");
    }

    @Test
    void an_application_role_granted_select_and_insert_may_append_but_not_change() throws Exception {
        Jdbi.create(url(OWNER)).useHandle(h -> h.execute("grant select, insert on audit_log to " + APP));
        Jdbi app = Jdbi.create(url(APP));

        app.useTransaction(h -> log.append(h, AuditEntry.of("test", "thing.done", "thing:app")));

        List<AuditRecord> appended = app.withHandle(h -> AuditChain.entriesFor(h, "thing:app"));
        assertThat(appended).hasSize(1);
        assertPermissionDenied(app, "update audit_log set actor = 'someone else'");
        assertPermissionDenied(app, "delete from audit_log");
        assertPermissionDenied(app, "truncate audit_log");
    }

    private static void assertPermissionDenied(Jdbi jdbi, String sql) {
        Throwable thrown = catchThrowable(() -> jdbi.useHandle(h -> h.execute(sql)));

        Optional<SQLException> cause = sqlCause(thrown);
        assertThat(cause).as("%s fails with an SQL error", sql).isPresent();
        assertThat(cause.get().getSQLState()).as(sql).isEqualTo("42501");
        // The privilege check, not the trigger (whose error has the same code) refused it.
        assertThat(cause.get().getMessage()).as(sql).contains("permission denied for table audit_log");
    }

    private static Optional<SQLException> sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String url(String role) {
        return TestDatabase.jdbcUrl(DB, role, PASSWORD);
    }
}
