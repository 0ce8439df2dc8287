package io.chartersync.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoatNamesTest {
    @Test
    void names_differing_in_case_or_surrounding_spaces_are_one_boat() {
        assertThat(BoatNames.key("Jada ")).isEqualTo("JADA");
        assertThat(BoatNames.key(" jada\t")).isEqualTo("JADA");
        assertThat(BoatNames.same("Jada ", "JADA")).isTrue();
        assertThat(BoatNames.same("Sea Breeze", "SEA  BREEZE")).isFalse();
        assertThat(BoatNames.same("Jada", "Jada II")).isFalse();
    }

    @Test
    void the_display_name_keeps_its_case_and_no_boat_is_empty() {
        assertThat(BoatNames.display("  Jada Queen ")).isEqualTo("Jada Queen");
        assertThat(BoatNames.display("JADA")).isEqualTo("JADA");
        assertThat(BoatNames.key(null)).isEmpty();
        assertThat(BoatNames.key("   ")).isEmpty();
    }

    @Test
    void the_key_does_not_depend_on_the_default_locale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(BoatNames.key("Miss Lily")).isEqualTo("MISS LILY");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
