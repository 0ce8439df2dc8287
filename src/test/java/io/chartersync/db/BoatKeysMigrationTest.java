package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V22 normalizes the boats stored before it: calendar entries get their boat key (and those that clash only
 * under it are held in conflict), boat profiles are merged under one key, and the boats of stored bookings are
 * registered by the first name seen.
 */
class BoatKeysMigrationTest {
    private static final String DATABASE = "boat_keys_migration";

    @Test
    void rows_stored_before_v22_are_keyed_and_what_now_clashes_is_held_in_conflict() {
        TestDatabase.execute("drop database if exists " + DATABASE, "create database " + DATABASE);
        String url = TestDatabase.jdbcUrl(DATABASE, "postgres", "postgres");
        migrate(url, lastBefore22(url));
        Jdbi jdbi = Jdbi.create(url);
        jdbi.useHandle(h -> h.execute("""
            insert into calendar_entry (id, event_type, local_date, start_time, time_zone, starts_at, ends_at,
              duration_hours, boat, status, created_at) values
              ('00000000-0000-0000-0000-000000000001', 'charter', '2024-05-30', '09:00', 'UTC',
               '2024-05-30T09:00Z', '2024-05-30T12:00Z', 3, 'JADA', 'active', '2024-01-01T00:00Z'),
              ('00000000-0000-0000-0000-000000000002', 'charter', '2024-05-30', '10:00', 'UTC',
               '2024-05-30T10:00Z', '2024-05-30T13:00Z', 3, 'Jada ', 'active', '2024-01-02T00:00Z'),
              ('00000000-0000-0000-0000-000000000003', 'charter', '2024-05-31', '10:00', 'UTC',
               '2024-05-31T10:00Z', '2024-05-31T13:00Z', 3, 'jada', 'active', '2024-01-03T00:00Z');
            insert into calendar_crew values
              ('00000000-0000-0000-0000-000000000002', 'crew-1', '2024-05-30T10:00Z', '2024-05-30T13:00Z', true);
            insert into boat_profile (boat, what_to_bring, updated_at) values
              ('Jada', '{Old list}', '2024-01-01T00:00Z'), ('JADA ', '{New list}', '2024-02-01T00:00Z');
            insert into booking (id, source, external_id, current_version) values
              ('00000000-0000-0000-0000-00000000000b', 'boatsetter', 'X', 2);
            insert into booking_version (booking_id, version, body, body_hash, created_at) values
              ('00000000-0000-0000-0000-00000000000b', 1, '{"boat": "Sea Breeze"}', 'a', '2024-01-01T00:00Z'),
              ('00000000-0000-0000-0000-00000000000b', 2, '{"boat": "SEA BREEZE"}', 'b', '2024-01-02T00:00Z');
            """));

        migrate(url, "22");

        assertThat(rows(
                        jdbi,
                        "select boat || '|' || boat_key || '|' || status || '|' || coalesce(conflict_with::text, '-')"
                                + " from calendar_entry order by id"))
                .containsExactly(
                        "JADA|JADA|active|-",
                        "Jada |JADA|conflict|00000000-0000-0000-0000-000000000001",
                        "jada|JADA|active|-");
        assertThat(rows(jdbi, "select active::text from calendar_crew")).containsExactly("false");
        assertThat(rows(
                        jdbi,
                        "select boat || '|' || display_name || '|' || coalesce(array_to_string(what_to_bring, ','), '-')"
                                + " from boat_profile order by boat"))
                .isEqualTo(List.of("JADA|JADA|New list", "SEA BREEZE|Sea Breeze|-"));
        TestDatabase.execute("drop database " + DATABASE);
    }

    private static List<String> rows(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** The newest migration before V22 (other features add theirs), where the rows of before are written. */
    private static String lastBefore22(String url) {
        return java.util.Arrays.stream(Flyway.configure()
                        .dataSource(url, null, null)
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .all())
                .map(m -> m.getVersion())
                .filter(v -> v.isNewerThan("1") && !v.isAtLeast("22"))
                .max(org.flywaydb.core.api.MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
    }

    private static void migrate(String url, String target) {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}
