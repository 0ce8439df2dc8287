package io.chartersync.guestpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, 32));
    }

    @Test
    void real_files_are_recognised_by_their_first_bytes() {
        var image = Pictures.halves(8, 8, Color.RED, Color.BLUE);

        assertThat(ImageType.sniff(head(Pictures.encode(image, "jpeg")))).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(head(Pictures.encode(image, "png")))).contains(ImageType.PNG);
        assertThat(ImageType.sniff(head(WebpFiles.solid(4, 4, 255, 1, 2, 3)))).contains(ImageType.WEBP);
    }

    @Test
    void heic_is_an_iso_media_file_with_a_heif_brand() {
        for (String brand : new String[] {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"}) {
            byte[] ftyp = ascii("\0\0\0\u0018ftyp" + brand + "\0\0\0\0mif1heic");

            assertThat(ImageType.sniff(ftyp)).as(brand).contains(ImageType.HEIC);
        }
        assertThat(ImageType.sniff(ascii("\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2")))
                .as("an MP4 video")
                .isEmpty();
        assertThat(ImageType.sniff(ascii("\0\0\0\u001cftypavif\0\0\0\0avifmif1")))
                .as("AVIF")
                .isEmpty();
    }

    @Test
    void anything_else_is_not_a_photo() {
        String[] others = {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "<!DOCTYPE html><html><script>alert(1)</script></html>",
            "<html><body>\u00ff\u00d8\u00ff\u00e0</body></html>",
            "GIF89a\u0001\0\u0001\0\u0080\0\0\0\0\0\u00ff\u00ff\u00ff!\u00f9\u0004",
            "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj",
            "RIFF\u0024\0\0\0WAVEfmt \u0010\0\0\0",
            "BM\u0036\0\0\0\0\0\0\0\u0036\0\0\0",
            "",
            "\u00ff\u00d8",
        };
        for (String other : others) {
            assertThat(ImageType.sniff(ascii(other))).as(other).isEmpty();
        }
    }

    @Test
    void the_claimed_media_type_does_not_change_what_the_bytes_are() {
        byte[] html = ascii("<html><script>alert(1)</script></html>");

        assertThat(ImageType.ofMediaType("image/jpeg")).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(html)).isEmpty();
    }

    @Test
    void media_types_compare_without_parameters_case_or_blanks() {
        assertThat(ImageType.ofMediaType("image/jpeg")).contains(ImageType.JPEG);
        assertThat(ImageType.ofMediaType(" Image/PNG ; charset=binary")).contains(ImageType.PNG);
        assertThat(ImageType.ofMediaType("image/webp")).contains(ImageType.WEBP);
        assertThat(ImageType.ofMediaType("image/heic")).contains(ImageType.HEIC);
        assertThat(ImageType.ofMediaType("image/jpg")).isEmpty();
        assertThat(ImageType.ofMediaType("image/svg+xml")).isEmpty();
        assertThat(ImageType.ofMediaType("text/html")).isEmpty();
        assertThat(ImageType.ofMediaType(null)).isEmpty();
        assertThat(ImageType.JPEG.mediaType()).isEqualTo("image/jpeg");
    }
}
