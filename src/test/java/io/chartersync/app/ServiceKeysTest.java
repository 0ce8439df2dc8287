package io.chartersync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.Hashes;
import io.chartersync.common.TokenGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The accepted crew-service keys of embedded mode: a file, rewritten by a rotation, read again by the server. */
class ServiceKeysTest {
    private final TokenGenerator random = TokenGenerator.secure();

    @Test
    void first_start_generates_the_key_and_accepts_only_it() throws Exception {
        AppConfig config = embedded();

        List<String> accepted =
                Secrets.resolve(config, random).serviceKeyHashes().get();

        String key = Secrets.stored(config.dataDir(), Secrets.SERVICE_KEY_FILE).orElseThrow();
        assertThat(accepted).containsExactly(Hashes.sha256Hex(key));
        assertThat(Files.readString(hashesFile(config))).isEqualTo(Hashes.sha256Hex(key) + "\n");
    }

    @Test
    void a_running_server_sees_a_rotation_and_a_retirement_on_its_next_check() throws Exception {
        AppConfig config = embedded();
        Supplier<List<String>> running = Secrets.resolve(config, random).serviceKeyHashes();
        String old = running.get().getFirst();

        ServiceKeys.Change rotation = ServiceKeys.rotate(config, random);
        rotation.apply();
        List<String> afterRotation = running.get();
        ServiceKeys.Change retirement = ServiceKeys.retire(config);
        retirement.apply();
        List<String> afterRetirement = running.get();

        String fresh = Hashes.sha256Hex(rotation.newKey().orElseThrow());
        assertThat(afterRotation).containsExactly(fresh, old);
        assertThat(Secrets.stored(config.dataDir(), Secrets.SERVICE_KEY_FILE)).isEqualTo(rotation.newKey());
        assertThat(retirement.retired()).containsExactly(old);
        assertThat(afterRetirement).containsExactly(fresh);
        assertThat(Secrets.resolve(config, random).serviceKeyHashes().get())
                .as("after a restart")
                .containsExactly(fresh);
    }

    @Test
    void a_key_file_replaced_by_hand_is_the_only_key_accepted_at_the_next_start() throws Exception {
        AppConfig config = embedded();
        Secrets.resolve(config, random);
        Files.writeString(config.dataDir().resolve("secrets").resolve(Secrets.SERVICE_KEY_FILE), "by-hand-key\n");

        List<String> accepted =
                Secrets.resolve(config, random).serviceKeyHashes().get();

        assertThat(accepted).containsExactly(Hashes.sha256Hex("by-hand-key"));
    }

    @Test
    void a_broken_hashes_file_stops_the_start_naming_it_and_a_running_server_refuses_every_key() throws Exception {
        AppConfig config = embedded();
        Supplier<List<String>> running = Secrets.resolve(config, random).serviceKeyHashes();
        Files.writeString(hashesFile(config), "not-a-hash\n");

        assertThat(running.get()).isEmpty();
        assertThatThrownBy(() -> Secrets.resolve(config, random))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ServiceKeys.HASHES_FILE + " line 1");
    }

    @Test
    void given_hashes_are_accepted_as_they_are_and_nothing_is_written() throws Exception {
        Path dir = Files.createTempDirectory("charter-sync-keys");
        String a = Hashes.sha256Hex("a");
        String b = Hashes.sha256Hex("b");
        AppConfig config =
                AppConfig.from(Map.of("DATA_DIR", dir.toString(), "SERVICE_KEY_HASH", a + "," + b), Map.of());

        List<String> accepted =
                Secrets.resolve(config, random).serviceKeyHashes().get();
        ServiceKeys.Change rotation = ServiceKeys.rotate(config, random);
        rotation.apply();

        assertThat(accepted).containsExactly(a, b);
        assertThat(rotation.accepted()).hasSize(3).endsWith(a, b);
        assertThat(rotation.variable()).isEqualTo("SERVICE_KEY_HASH=" + String.join(",", rotation.accepted()));
        assertThat(dir.resolve("secrets").resolve(ServiceKeys.HASHES_FILE)).doesNotExist();
        assertThat(dir.resolve("secrets").resolve(Secrets.SERVICE_KEY_FILE)).doesNotExist();
    }

    private static AppConfig embedded() throws Exception {
        Path dir = Files.createTempDirectory("charter-sync-keys");
        return AppConfig.from(Map.of("DATA_DIR", dir.toString()), Map.of());
    }

    private static Path hashesFile(AppConfig config) {
        return config.dataDir().resolve("secrets").resolve(ServiceKeys.HASHES_FILE);
    }
}
