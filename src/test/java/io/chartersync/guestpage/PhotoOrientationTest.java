package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.guestpage.PhotoProcessor.Accepted;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The EXIF orientation is applied to the pixels before the EXIF block is dropped. */
class PhotoOrientationTest {
    private final PhotoProcessor processor = new PhotoProcessor();

    /** A 60 × 30 photo, red on the left and blue on the right as stored, with EXIF {@code orientation}. */
    private BufferedImage upright(int orientation) {
        byte[] stored = Pictures.encode(Pictures.halves(60, 30, Color.RED, Color.BLUE), "jpeg");
        byte[] upload = JpegSegments.insertAfterSoi(stored, JpegSegments.exif("CANARY-GPS", orientation));
        Accepted photo = (Accepted) processor.process(upload);
        BufferedImage display = Pictures.decode(photo.display().jpeg());
        assertThat(display.getWidth()).isEqualTo(photo.width());
        assertThat(display.getHeight()).isEqualTo(photo.height());
        return display;
    }

    @Test
    void normal_photos_stay_as_stored() {
        BufferedImage image = upright(1);

        assertThat(image.getWidth()).isEqualTo(60);
        assertThat(Pictures.near(image, 5, 15, Color.RED)).isTrue();
        assertThat(Pictures.near(image, 55, 15, Color.BLUE)).isTrue();
    }

    @Test
    void a_photo_to_be_turned_clockwise_stands_up_with_its_left_side_on_top() {
        BufferedImage image = upright(6);

        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(60);
        assertThat(Pictures.near(image, 15, 5, Color.RED)).isTrue();
        assertThat(Pictures.near(image, 15, 55, Color.BLUE)).isTrue();
    }

    @Test
    void a_photo_to_be_turned_counter_clockwise_stands_up_with_its_right_side_on_top() {
        BufferedImage image = upright(8);

        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(Pictures.near(image, 15, 5, Color.BLUE)).isTrue();
        assertThat(Pictures.near(image, 15, 55, Color.RED)).isTrue();
    }

    @Test
    void upside_down_and_mirrored_photos_swap_left_and_right() {
        for (int orientation : new int[] {2, 3}) {
            BufferedImage image = upright(orientation);

            assertThat(image.getWidth()).isEqualTo(60);
            assertThat(Pictures.near(image, 5, 15, Color.BLUE))
                    .as("orientation %d", orientation)
                    .isTrue();
            assertThat(Pictures.near(image, 55, 15, Color.RED))
                    .as("orientation %d", orientation)
                    .isTrue();
        }
    }

    @Test
    void transposed_photos_keep_left_on_top_and_transverse_ones_put_right_on_top() {
        BufferedImage transposed = upright(5);
        BufferedImage transverse = upright(7);

        assertThat(transposed.getHeight()).isEqualTo(60);
        assertThat(Pictures.near(transposed, 15, 5, Color.RED)).isTrue();
        assertThat(Pictures.near(transverse, 15, 5, Color.BLUE)).isTrue();
    }
}
