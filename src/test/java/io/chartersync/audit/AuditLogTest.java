package io.chartersync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.Json;
import io.chartersync.db.Database;
import io.chartersync.testsupport.Cli;
import io.chartersync.testsupport.TestApp;
import io.chartersync.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log chains every entry to the one before, refuses changes, and `audit verify` finds the first broken one. */
class AuditLogTest {
    private static Database database;
    private static Jdbi jdbi;
    /** One chain: the whole log in commit order, so a test can reason about "the entry after". */
    private final AuditLog log = new AuditLog(Json.mapper(), Clock.systemUTC(), 1);
    /** As the program runs it: entries spread over {@link AuditLog#CHAINS} chains by subject. */
    private final AuditLog chained = new AuditLog(Json.mapper(), Clock.systemUTC());

    @BeforeAll
    static void migrate() {
        database = Database.external(TestDatabase.jdbcUrl(), 10);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() {
        TestDatabase.reset();
    }

    @Test
    void appends_from_eight_threads_form_one_chain_in_id_order() throws Exception {
        appendFromEightThreads(log);

        List<String> prevHashes = jdbi.withHandle(h -> h.createQuery("select prev_hash from audit_log order by id")
                .mapTo(String.class)
                .list());
        assertThat(new HashSet<>(prevHashes))
                .as("no two entries follow the same one")
                .hasSize(prevHashes.size());
    }

    @Test
    void appends_from_eight_threads_over_many_chains_form_intact_chains() throws Exception {
        appendFromEightThreads(chained);

        assertThat(TestDatabase.count("select count(distinct chain) from audit_log"))
                .isGreaterThan(1);
        assertThat(TestDatabase.count("select count(*) - count(distinct (chain, prev_hash)) from audit_log"))
                .as("no two entries of a chain follow the same one")
                .isZero();
        assertThat(TestDatabase.count("select count(*) from audit_log where subject = 'thread:3'"))
                .as("a transaction's entries stay in one chain")
                .isEqualTo(50);
    }

    private void appendFromEightThreads(AuditLog log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    jdbi.useTransaction(h -> {
                        h.createQuery("select pg_sleep(0.001)")
                                .mapTo(String.class)
                                .one();
                        log.append(
                                h,
                                List.of(
                                        new AuditEntry("test", "thing.done", "thread:" + thread, Map.of("n", n)),
                                        AuditEntry.of("test", "thing.checked", "thread:" + thread)));
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        AuditChain.Verdict verdict = jdbi.withHandle(AuditChain::verify);

        assertThat(verdict).isInstanceOf(AuditChain.Intact.class);
        assertThat(((AuditChain.Intact) verdict).entries()).isEqualTo(8 * 25 * 2);
        List<AuditRecord> ofThree = jdbi.withHandle(h -> AuditChain.entriesFor(h, "thread:3"));
        assertThat(ofThree).hasSize(50).extracting(AuditRecord::action).containsOnly("thing.done", "thing.checked");
    }

    @Test
    void update_delete_and_truncate_are_refused_even_for_the_superuser() {
        jdbi.useTransaction(h -> log.append(h, AuditEntry.of("test", "thing.done", "thing:1")));

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update audit_log set actor = 'someone else'")))
                .hasStackTraceContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from audit_log")))
                .hasStackTraceContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate audit_log")))
                .hasStackTraceContaining("audit_log is append-only: TRUNCATE refused");
        assertThat(TestDatabase.count("select count(*) from audit_log where actor = 'test'"))
                .isEqualTo(1);
    }

    @Test
    void audit_verify_reports_an_intact_log_and_an_empty_one_with_exit_code_zero() throws Exception {
        Cli.Run empty = verify();
        appendFive();
        Cli.Run five = verify();

        assertThat(empty.exitCode()).as(empty.output()).isZero();
        assertThat(empty.out()).startsWith("audit ok: 0 entries, chain intact");
        assertThat(five.exitCode()).as(five.output()).isZero();
        assertThat(five.out()).startsWith("audit ok: 5 entries, chain intact").contains("last entry #");
    }

    @Test
    void audit_verify_names_a_changed_entry_as_the_first_broken_one() throws Exception {
        List<Long> ids = appendFive();
        TestDatabase.execute(
                "set session_replication_role = replica",
                "update audit_log set details = '{\"n\":99}' where id = " + ids.get(2));

        Cli.Run run = verify();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("audit broken at entry #" + ids.get(2) + " (")
                .contains("its hash does not match its contents");
    }

    @Test
    void audit_verify_names_the_entry_after_a_deleted_one() throws Exception {
        List<Long> ids = appendFive();
        TestDatabase.execute("alter table audit_log disable trigger user");
        try {
            TestDatabase.execute("delete from audit_log where id = " + ids.get(2));
        } finally {
            TestDatabase.execute("alter table audit_log enable trigger user");
        }

        Cli.Run run = verify();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("audit broken at entry #" + ids.get(3) + " (")
                .contains("its prev_hash is not the hash of entry #" + ids.get(1));
    }

    @Test
    void a_rewritten_entry_with_a_recomputed_hash_breaks_the_link_of_the_next_one() {
        List<Long> ids = appendFive();
        AuditRecord third =
                jdbi.withHandle(h -> AuditChain.entriesFor(h, "thing:2")).getFirst();
        String forged = AuditLog.hash(third.prevHash(), third.at(), "nobody", third.action(), third.subject(), "{}");
        TestDatabase.execute(
                "set session_replication_role = replica",
                "update audit_log set actor = 'nobody', details = '{}', hash = '" + forged + "' where id = "
                        + ids.get(2));

        AuditChain.Verdict verdict = jdbi.withHandle(AuditChain::verify);

        assertThat(verdict).isInstanceOfSatisfying(AuditChain.Broken.class, broken -> {
            assertThat(broken.entryId()).isEqualTo(ids.get(3));
            assertThat(broken.reason()).contains("#" + ids.get(2) + " was rewritten");
        });
    }

    @Test
    void a_deleted_first_entry_breaks_the_start_of_the_chain() {
        List<Long> ids = appendFive();
        TestDatabase.execute(
                "set session_replication_role = replica", "delete from audit_log where id = " + ids.getFirst());

        AuditChain.Verdict verdict = jdbi.withHandle(AuditChain::verify);

        assertThat(verdict).isInstanceOfSatisfying(AuditChain.Broken.class, broken -> {
            assertThat(broken.entryId()).isEqualTo(ids.get(1));
            assertThat(broken.reason()).contains("not the start of the chain");
        });
    }

    @Test
    void entries_refuse_an_actor_action_or_subject_of_more_than_one_line() {
        assertThatThrownBy(() -> AuditEntry.of("cli\nsync", "key.rotated", "key:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> AuditEntry.of("cli", "key.rotated", "key:feed-token:A\nB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> AuditEntry.of("cli", " ", "key:x")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Long> appendFive() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            jdbi.useTransaction(h -> log.append(h, new AuditEntry("test", "thing.done", "thing:" + n, Map.of("n", n))));
        }
        return jdbi.withHandle(h -> h.createQuery("select id from audit_log order by id")
                .mapTo(Long.class)
                .list());
    }

    private static Cli.Run verify() throws Exception {
        Path data = Files.createTempDirectory("charter-sync-audit");
        return Cli.run(TestApp.environment(data), "audit", "verify");
    }
}
