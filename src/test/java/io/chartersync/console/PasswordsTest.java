package io.chartersync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.AppException;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void a_hash_is_argon2id_with_its_parameters_and_salt_and_matches_only_its_password() {
        String stored = passwords.hash("correct horse battery staple");

        assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(passwords.matches("correct horse battery staple", stored)).isTrue();
        assertThat(passwords.matches("correct horse battery stapl", stored)).isFalse();
        assertThat(passwords.matches("Correct horse battery staple", stored)).isFalse();
        assertThat(passwords.matches("", stored)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time_and_both_match() {
        String first = passwords.hash("sailing-at-dawn-2026");
        String second = passwords.hash("sailing-at-dawn-2026");

        assertThat(first).isNotEqualTo(second);
        assertThat(passwords.matches("sailing-at-dawn-2026", first)).isTrue();
        assertThat(passwords.matches("sailing-at-dawn-2026", second)).isTrue();
    }

    @Test
    void a_malformed_or_tampered_hash_matches_nothing() {
        String stored = passwords.hash("a long enough password");

        assertThat(passwords.matches("a long enough password", null)).isFalse();
        assertThat(passwords.matches("a long enough password", "")).isFalse();
        assertThat(passwords.matches("a long enough password", stored.replace("argon2id", "argon2i")))
                .isFalse();
        assertThat(passwords.matches("a long enough password", stored.replace("t=2", "t=99")))
                .isFalse();
        assertThat(passwords.matches("a long enough password", stored.replace("t=2", "t=1")))
                .isFalse();
        assertThat(passwords.matches("a long enough password", stored.substring(0, stored.length() - 4)))
                .isFalse();
    }

    @Test
    void passwords_under_twelve_characters_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Passwords.check("password", "elevenchars"))
                .isInstanceOf(AppException.InvalidInput.class)
                .hasMessage("password: must be at least 12 characters long");
        Passwords.check("password", "twelve chars");
    }
}
