package io.chartersync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void a_secret_matches_any_of_several_hashes_for_rotation() {
        List<String> hashes = List.of(Hashes.sha256Hex("old-key"), Hashes.sha256Hex("new-key"));

        assertThat(Hashes.matchesAny("old-key", hashes)).isTrue();
        assertThat(Hashes.matchesAny("new-key", hashes)).isTrue();
        assertThat(Hashes.matchesAny("other-key", hashes)).isFalse();
    }

    @Test
    void sha256_hex_is_the_standard_digest() {
        assertThat(Hashes.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void link_tokens_are_256_bit_stable_per_link_and_secret() {
        LinkTokens tokens = new LinkTokens("k".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LinkTokens other = new LinkTokens("j".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UUID link = UUID.randomUUID();

        assertThat(tokens.tokenFor(link)).hasSize(43).isEqualTo(tokens.tokenFor(link));
        assertThat(tokens.tokenFor(link))
                .isNotEqualTo(tokens.tokenFor(UUID.randomUUID()))
                .isNotEqualTo(other.tokenFor(link));
        assertThat(LinkTokens.hashOf(tokens.tokenFor(link))).hasSize(64).doesNotContain(tokens.tokenFor(link));
    }

    @Test
    void a_short_link_secret_is_refused() {
        assertThatThrownBy(() -> new LinkTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
