package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoReaderTest {
    @Test
    void twelvemonkeys_readers_are_picked_for_jpeg_and_webp() {
        assertThat(PhotoReader.readerFor(ImageType.JPEG).getClass().getName())
                .isEqualTo("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader");
        assertThat(PhotoReader.readerFor(ImageType.WEBP).getClass().getName())
                .isEqualTo("com.twelvemonkeys.imageio.plugins.webp.WebPImageReader");
        assertThat(PhotoReader.readerFor(ImageType.PNG).getClass().getName()).endsWith("PNGImageReader");
    }
}
