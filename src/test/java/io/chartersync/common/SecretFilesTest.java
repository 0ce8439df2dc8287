package io.chartersync.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path dataDir;

    @Test
    void a_new_secret_is_0600_in_a_0700_folder() throws IOException {
        Path file = dataDir.resolve("secrets").resolve("link-signing-key");

        assertThat(SecretFiles.writeIfAbsent(file, "first\n")).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void an_existing_secret_is_kept() throws IOException {
        Path file = dataDir.resolve("secrets").resolve("service-key");
        SecretFiles.writeIfAbsent(file, "first\n");

        assertThat(SecretFiles.writeIfAbsent(file, "second\n")).isFalse();

        assertThat(Files.readString(file)).isEqualTo("first\n");
    }

    @Test
    void a_folder_of_an_earlier_release_that_others_could_list_is_tightened() throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("secrets"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        SecretFiles.replace(folder.resolve("service-key-hashes"), "abc\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("service-key-hashes"))))
                .isEqualTo("rw-------");
    }
}
