package io.chartersync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Unix socket lives in the data directory unless its path would pass the OS limit of 107 bytes. */
class SocketDirectoryTest {

    @Test
    void a_short_data_directory_gets_the_socket_quoted_for_the_setting() {
        assertThat(EmbeddedDatabase.socketDirectory(Path.of("/srv/charter sync/data/pg"), 54321))
                .hasValue("\"/srv/charter sync/data/pg\"");
    }

    @Test
    void a_socket_path_longer_than_107_bytes_switches_the_socket_off() {
        String fits = "/" + "d".repeat(107 - "/.s.PGSQL.54321".length() - 1);
        String tooLong = fits + "x";

        assertThat(EmbeddedDatabase.socketDirectory(Path.of(fits), 54321)).isPresent();
        assertThat(EmbeddedDatabase.socketDirectory(Path.of(tooLong), 54321)).isEmpty();
    }

    @Test
    void a_directory_name_the_setting_cannot_hold_switches_the_socket_off() {
        assertThat(EmbeddedDatabase.socketDirectory(Path.of("/srv/a,b/pg"), 5432))
                .isEmpty();
        assertThat(EmbeddedDatabase.socketDirectory(Path.of("/srv/a\"b/pg"), 5432))
                .isEmpty();
    }
}
