package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.common.TokenGenerator;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {
    private final Slugs slugs = new Slugs(TokenGenerator.secure());

    @Test
    void slug_is_readable_and_matches_the_served_pattern() {
        String slug = slugs.next(LocalDate.of(2024, 5, 30), "Boatsetter");

        assertThat(slug).matches("may-30-boatsetter-[a-z0-9]{8}").matches("^[a-z0-9-]{3,80}$");
    }

    @Test
    void odd_sources_are_cleaned_and_slugs_differ() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(slugs.next(LocalDate.of(2024, 12, 1), " Get_My Boat!! ".repeat(5)));
        }

        assertThat(seen)
                .hasSize(1000)
                .allSatisfy(s -> assertThat(s).matches("^[a-z0-9-]{3,80}$").startsWith("dec-1-get-my-boat"));
    }
}
