package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PixelSizeTest {
    @Test
    void fitting_keeps_the_aspect_and_never_enlarges() {
        assertThat(new PixelSize(4000, 3000).fitWithin(2048)).isEqualTo(new PixelSize(2048, 1536));
        assertThat(new PixelSize(3000, 4000).fitWithin(480)).isEqualTo(new PixelSize(360, 480));
        assertThat(new PixelSize(20_000, 3).fitWithin(480)).isEqualTo(new PixelSize(480, 1));
        assertThat(new PixelSize(300, 200).fitWithin(480)).isEqualTo(new PixelSize(300, 200));
    }

    @Test
    void subsampling_leaves_at_least_the_display_side_to_scale_from() {
        assertThat(new PixelSize(2048, 100).subsamplingFor(2048)).isEqualTo(1);
        assertThat(new PixelSize(4095, 3000).subsamplingFor(2048)).isEqualTo(1);
        assertThat(new PixelSize(3000, 4096).subsamplingFor(2048)).isEqualTo(2);
        assertThat(new PixelSize(8660, 5773).subsamplingFor(2048)).isEqualTo(4);
        for (int side = 2048; side < 20_000; side += 97) {
            int n = new PixelSize(side, 10).subsamplingFor(2048);
            assertThat((side + n - 1) / n)
                    .as("decoded width of %d at 1/%d", side, n)
                    .isBetween(2048, 4095);
        }
    }

    @Test
    void pixels_do_not_overflow_and_sizes_are_positive() {
        assertThat(new PixelSize(60_000, 60_000).pixels()).isEqualTo(3_600_000_000L);
        assertThatIllegalArgumentException().isThrownBy(() -> new PixelSize(0, 10));
    }
}
