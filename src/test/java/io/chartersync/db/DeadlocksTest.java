package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** A deadlock victim is run again (up to three times); any other failure goes through at once. */
class DeadlocksTest {
    private static ConnectionException failure(String sqlState) {
        return new ConnectionException(new SQLException("failed", sqlState));
    }

    @Test
    void a_deadlock_victim_runs_again_and_its_second_answer_counts() {
        AtomicInteger runs = new AtomicInteger();

        String answer = Deadlocks.retrying(() -> {
            if (runs.incrementAndGet() == 1) {
                throw failure("40P01");
            }
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void other_failures_are_not_retried_and_deadlocks_only_three_times() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Deadlocks.retrying(() -> {
                    runs.incrementAndGet();
                    throw failure("23P01");
                }))
                .isInstanceOf(ConnectionException.class);
        assertThat(runs).hasValue(1);

        runs.set(0);
        assertThatThrownBy(() -> Deadlocks.retrying(() -> {
                    runs.incrementAndGet();
                    throw failure("40P01");
                }))
                .isInstanceOf(ConnectionException.class);
        assertThat(runs).hasValue(3);
    }
}
