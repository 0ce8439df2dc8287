package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.common.AppException;
import io.chartersync.common.Failure.Kind;
import io.chartersync.common.TransientFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

    @Test
    void refused_data_is_permanent_and_too_many_requests_transient() {
        assertThat(Failures.kind(AppException.InvalidInput.of("start", "is not a time")))
                .isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new AppException.NotFound("booking", "b-1"))).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new AppException.Conflict("clash"))).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new AppException.Gone("revoked"))).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new AppException.TooManyRequests("slow down", 5)))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void something_not_there_yet_is_transient() {
        assertThat(Failures.kind(new TransientFailure("upload u-1 has not arrived yet")))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void programming_errors_are_permanent() {
        assertThat(Failures.kind(new NullPointerException())).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new IllegalStateException("boom"))).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new IllegalArgumentException("bad"))).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new ClassCastException())).isEqualTo(Kind.PERMANENT);
        assertThat(Failures.kind(new StackOverflowError())).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void a_bug_wrapping_an_io_failure_is_still_a_bug() {
        // A JSON document that cannot be read (Jackson's exceptions are IOExceptions) will not read later.
        assertThat(Failures.kind(new IllegalStateException("stored booking b-1 is unreadable", new IOException())))
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void io_timeouts_and_memory_are_transient() {
        assertThat(Failures.kind(new UncheckedIOException(new IOException("connection reset"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.kind(new SocketTimeoutException())).isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.kind(new CompletionException(new java.util.concurrent.TimeoutException())))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.kind(new OutOfMemoryError())).isEqualTo(Kind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "40001", "40P01", "53300", "57P01", "57014", "55P03", "58030"})
    void database_states_that_pass_are_transient(String state) {
        assertThat(Failures.kind(statementFailed(state))).isEqualTo(Kind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23P01", "42703", "42601", "22001", "25P02"})
    void database_states_that_repeat_are_permanent(String state) {
        assertThat(Failures.kind(statementFailed(state))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void no_connection_is_transient() {
        assertThat(Failures.kind(new ConnectionException(new SQLTransientConnectionException("pool timeout"))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.kind(statementFailed(null))).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_cycle_of_wrappers_ends_as_permanent() {
        CompletionException first = new CompletionException() {};
        first.initCause(new CompletionException(first));
        assertThat(Failures.kind(first)).isEqualTo(Kind.PERMANENT);
    }

    private static RuntimeException statementFailed(String state) {
        return new UnableToExecuteStatementException(new SQLException("refused", state), null);
    }
}
