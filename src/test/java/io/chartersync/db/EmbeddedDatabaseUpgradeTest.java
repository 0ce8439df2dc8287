package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chartersync.audit.AuditChain;
import io.chartersync.audit.AuditEntry;
import io.chartersync.audit.AuditLog;
import io.chartersync.audit.AuditRecord;
import io.chartersync.common.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data directory made by the earlier program (zonky's initdb with {@code trust}, the schema migrated by
 * the superuser, no passwords) comes out of its first start locked down, its data intact.
 */
class EmbeddedDatabaseUpgradeTest {
    private final AuditLog audit = new AuditLog(Json.mapper(), Clock.systemUTC());

    @Test
    void a_trusting_data_directory_comes_out_locked_down_with_its_data_intact() throws Exception {
        Path data = Files.createTempDirectory("cs-upgrade");
        Path pg = data.resolve("pg");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(pg)
                        .setCleanDataDirectory(false)
                        .start();
                Database legacy = Database.external(old.getJdbcUrl("postgres", "postgres"), 2)) {
            legacy.jdbi().useTransaction(h -> {
                audit.append(h, AuditEntry.of("test", "thing.done", "thing:old"));
                h.execute("insert into crew_member (id, name, email, roles) values"
                        + " ('captain-1', 'Ada', 'ada@example.com', '{captain}')");
            });
        }
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).contains("trust");

        try (Database db = Database.embedded(pg, 2)) {
            int port = Integer.parseInt(
                    Files.readAllLines(pg.resolve("postmaster.pid")).get(3).strip());

            assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(data.resolve("secrets").resolve(PasswordFiles.SUPERUSER)).exists();
            assertThat(StartupProbe.overTcp(port, "postgres")).isEqualTo(StartupProbe.AUTHENTICATION_SASL);
            Throwable withoutPassword =
                    catchThrowable(() -> DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port) + "?user=postgres")
                            .close());
            assertThat(withoutPassword).isInstanceOf(SQLException.class);
            List<String> notOwned = db.ownerJdbi()
                    .withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'S')
                          and pg_get_userbyid(c.relowner) <> current_user
                        union all
                        select p.proname from pg_proc p
                        where p.pronamespace = 'public'::regnamespace and pg_get_userbyid(p.proowner) <> current_user
                          and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')""").mapTo(String.class).list());
            assertThat(notOwned).as("objects the owner role does not own").isEmpty();
            List<AuditRecord> oldEntries = db.jdbi().withHandle(h -> AuditChain.entriesFor(h, "thing:old"));
            assertThat(oldEntries).hasSize(1);
            String captain = db.jdbi()
                    .withHandle(h -> h.createQuery("select name from crew_member where id = 'captain-1'")
                            .mapTo(String.class)
                            .one());
            assertThat(captain).isEqualTo("Ada");

            db.jdbi().useTransaction(h -> audit.append(h, AuditEntry.of("test", "thing.done", "thing:new")));
            Throwable update = catchThrowable(
                    () -> db.jdbi().useHandle(h -> h.execute("update audit_log set actor = 'someone else'")));
            Throwable ownerUpdate = catchThrowable(
                    () -> db.ownerJdbi().useHandle(h -> h.execute("update audit_log set actor = 'someone else'")));
            assertThat(update).hasStackTraceContaining("permission denied for table audit_log");
            assertThat(ownerUpdate).hasStackTraceContaining("permission denied for table audit_log");
            assertThat(db.jdbi().withHandle(AuditChain::verify)).isInstanceOf(AuditChain.Intact.class);
        }

        try (Database again = Database.embedded(pg, 2)) {
            assertThat(again.ready())
                    .as("a second start of the upgraded directory")
                    .isTrue();
            List<AuditRecord> all = again.jdbi().withHandle(h -> AuditChain.entriesFor(h, "thing:new"));
            assertThat(all).hasSize(1);
        }
    }
}
