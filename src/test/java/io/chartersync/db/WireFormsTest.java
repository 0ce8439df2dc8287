package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.WireForm;
import io.chartersync.testsupport.TestDatabase;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stored enum goes into the database as its wire text and comes back as the enum, never as its Java name. */
class WireFormsTest {
    private static Database database;
    private static Jdbi jdbi;

    enum Tide implements WireForm {
        HIGH_WATER("high"),
        LOW_WATER("low");

        private final String wire;

        Tide(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    @BeforeAll
    static void open() {
        database = Database.external(TestDatabase.jdbcUrl(), 2);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void an_enum_is_bound_as_its_wire_text() {
        String bound = jdbi.withHandle(h -> h.createQuery("select :tide")
                .bind("tide", Tide.HIGH_WATER)
                .mapTo(String.class)
                .one());

        assertThat(bound).isEqualTo("high");
    }

    @Test
    void a_text_column_maps_back_to_the_enum_and_null_to_nothing() {
        Tide low = jdbi.withHandle(
                h -> h.createQuery("select 'low'").mapTo(Tide.class).one());
        Optional<Tide> none = jdbi.withHandle(h ->
                h.createQuery("select cast(null as text)").mapTo(Tide.class).findFirst());

        assertThat(low).isEqualTo(Tide.LOW_WATER);
        assertThat(none).isEmpty();
    }

    @Test
    void a_text_no_value_spells_is_a_bug_named_with_the_type() {
        assertThatThrownBy(() -> jdbi.withHandle(h ->
                        h.createQuery("select 'LOW_WATER'").mapTo(Tide.class).one()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unknown Tide 'LOW_WATER'");
        assertThat(WireForm.find(Tide.class, "HIGH_WATER")).isEmpty();
        assertThat(WireForm.of(Tide.class, "high")).isEqualTo(Tide.HIGH_WATER);
    }
}
