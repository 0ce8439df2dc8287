package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The guest emails' dedupe keys and kinds are stored: each reads exactly as docs/architecture.md says. */
class GuestKeysTest {
    private static final UUID BOOKING = UUID.fromString("33333333-3333-3333-3333-333333333333");

    @Test
    void guest_email_keys_read_as_documented_and_carry_their_kind() {
        assertThat(GuestEmailKey.page(BOOKING))
                .isEqualTo(new GuestEmailKey(GuestEmailKey.Kind.PAGE, "guest-page:" + BOOKING));
        assertThat(GuestEmailKey.change(BOOKING, 3))
                .isEqualTo(new GuestEmailKey(GuestEmailKey.Kind.CHANGE, "guest-change:" + BOOKING + ":3"));
        assertThat(GuestEmailKey.cancel(BOOKING))
                .isEqualTo(new GuestEmailKey(GuestEmailKey.Kind.CANCEL, "guest-cancel:" + BOOKING));
        assertThat(GuestEmailKey.Kind.values())
                .extracting(GuestEmailKey.Kind::wire)
                .containsExactly("guest-page", "guest-change", "guest-cancel");
    }
}
