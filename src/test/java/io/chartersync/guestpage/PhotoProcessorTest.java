package io.chartersync.guestpage;

import static io.chartersync.guestpage.JpegSegments.APP0;
import static io.chartersync.guestpage.JpegSegments.APP1;
import static io.chartersync.guestpage.JpegSegments.APP13;
import static io.chartersync.guestpage.JpegSegments.COM;
import static io.chartersync.guestpage.JpegSegments.DHT;
import static io.chartersync.guestpage.JpegSegments.DQT;
import static io.chartersync.guestpage.JpegSegments.EOI;
import static io.chartersync.guestpage.JpegSegments.SOF0;
import static io.chartersync.guestpage.JpegSegments.SOI;
import static io.chartersync.guestpage.JpegSegments.SOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.guestpage.JpegSegments.Segment;
import io.chartersync.guestpage.PhotoProcessor.Accepted;
import io.chartersync.guestpage.PhotoProcessor.Outcome;
import io.chartersync.guestpage.PhotoProcessor.Photo;
import io.chartersync.guestpage.PhotoProcessor.Rejected;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhotoProcessorTest {
    private static final Set<Integer> PLAIN_JPEG_MARKERS = Set.of(SOI, APP0, DQT, SOF0, DHT, SOS, EOI);
    private static final String[] TELLTALES = {
        "CANARY", "Exif\0\0", "http://ns.adobe.com/xap", "xmpmeta", "Photoshop 3.0", "8BIM", "<html", "<script"
    };

    private final PhotoProcessor processor = new PhotoProcessor();

    private static Accepted accepted(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Accepted.class);
        return (Accepted) outcome;
    }

    private static String reason(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Rejected.class);
        return ((Rejected) outcome).reason();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The raw bytes hold nothing but a plain JFIF baseline JPEG: no APPn but a bare JFIF APP0, no COM, no trailer. */
    private static void assertPlainJpeg(Photo photo) {
        List<Segment> segments = JpegSegments.walk(photo.jpeg());
        assertThat(segments).extracting(Segment::marker).allMatch(PLAIN_JPEG_MARKERS::contains);
        assertThat(segments).extracting(Segment::marker).doesNotContain(APP1, APP13, COM);
        assertThat(segments)
                .filteredOn(s -> s.marker() == APP0)
                .allSatisfy(s -> assertThat(s.text()).startsWith("JFIF\0").hasSize(14)); // no JFIF thumbnail
        String raw = latin1(photo.jpeg());
        for (String telltale : TELLTALES) {
            assertThat(raw).as("raw output bytes").doesNotContain(telltale);
        }
        assertThat(raw).doesNotContain(latin1(JpegSegments.GPS_LATITUDE));
        assertThat(Pictures.decode(photo.jpeg()))
                .extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(photo.width(), photo.height());
    }

    @Test
    void a_jpeg_with_gps_exif_xmp_iptc_and_a_comment_comes_out_with_no_metadata() {
        byte[] plain = Pictures.encode(Pictures.halves(640, 480, Color.RED, Color.BLUE), "jpeg");
        byte[] upload = JpegSegments.insertAfterSoi(
                plain,
                JpegSegments.exif("CANARY-GPS boat at the marina", 1),
                JpegSegments.xmp("CANARY-XMP"),
                JpegSegments.photoshopIptc("CANARY-IPTC"),
                JpegSegments.comment("CANARY-COM"));
        assertThat(latin1(upload))
                .contains(
                        "Exif\0\0", "CANARY-GPS", "http://ns.adobe.com/xap", "CANARY-XMP", "CANARY-IPTC", "CANARY-COM")
                .contains(latin1(JpegSegments.GPS_LATITUDE));
        assertThat(JpegSegments.walk(upload)).extracting(Segment::marker).contains(APP1, APP13, COM);

        Accepted photo = accepted(processor.process(upload));

        assertThat(photo.original()).isEqualTo(ImageType.JPEG);
        assertThat(photo.width()).isEqualTo(640);
        assertThat(photo.height()).isEqualTo(480);
        assertPlainJpeg(photo.display());
        assertPlainJpeg(photo.thumbnail());
        BufferedImage display = Pictures.decode(photo.display().jpeg());
        assertThat(Pictures.near(display, 10, 240, Color.RED)).isTrue();
        assertThat(Pictures.near(display, 630, 240, Color.BLUE)).isTrue();
    }

    @Test
    void a_png_header_claiming_60000_by_60000_is_refused_by_its_size_before_any_pixel_is_decoded() {
        byte[] bomb = PngChunks.claiming(60_000, 60_000);
        assertThat(bomb.length).isLessThan(200);

        // Decoding would need 10.8 GB and fail: the size reason (not "could not be read") shows it never started.
        assertThat(reason(processor.process(bomb))).contains("60000 x 60000").contains("50 megapixels");
    }

    @Test
    void a_jpeg_whose_frame_header_claims_60000_by_60000_is_refused_by_its_size() {
        byte[] jpeg = Pictures.encode(Pictures.halves(16, 16, Color.RED, Color.BLUE), "jpeg");
        byte[] bomb = JpegSegments.withFrameSize(jpeg, 60_000, 60_000);

        assertThat(reason(processor.process(bomb))).contains("60000 x 60000").contains("50 megapixels");
    }

    @Test
    void the_pixel_limit_is_checked_against_the_header() {
        byte[] png = Pictures.encode(Pictures.halves(100, 60, Color.RED, Color.BLUE), "png");

        assertThat(reason(new PhotoProcessor(PhotoProcessor.MAX_BYTES, 5_000).process(png)))
                .isEqualTo("this photo is 100 x 60 pixels; photos can have at most 0.005 megapixels");
        assertThat(new PhotoProcessor(PhotoProcessor.MAX_BYTES, 6_000).process(png))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void an_html_page_with_a_jpeg_after_it_is_not_a_photo() {
        byte[] jpeg = Pictures.encode(Pictures.halves(32, 32, Color.RED, Color.BLUE), "jpeg");
        byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = new byte[html.length + jpeg.length];
        System.arraycopy(html, 0, polyglot, 0, html.length);
        System.arraycopy(jpeg, 0, polyglot, html.length, jpeg.length);

        assertThat(reason(processor.process(polyglot))).isEqualTo("not a JPEG, PNG, WebP or HEIC photo");
    }

    @Test
    void a_jpeg_carrying_html_in_a_comment_and_after_its_end_comes_out_as_a_fresh_jpeg_without_it() {
        String script = "<html><script>alert(1)</script></html>";
        byte[] jpeg = JpegSegments.insertAfterSoi(
                Pictures.encode(Pictures.halves(64, 48, Color.RED, Color.BLUE), "jpeg"), JpegSegments.comment(script));
        byte[] trailer = script.getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = new byte[jpeg.length + trailer.length];
        System.arraycopy(jpeg, 0, polyglot, 0, jpeg.length);
        System.arraycopy(trailer, 0, polyglot, jpeg.length, trailer.length);
        assertThat(latin1(polyglot)).endsWith(script);

        Accepted photo = accepted(processor.process(polyglot));

        assertPlainJpeg(photo.display());
        assertPlainJpeg(photo.thumbnail());
    }

    @Test
    void a_large_photo_gets_a_2048_display_and_a_480_thumbnail_of_the_same_aspect() {
        byte[] big = Pictures.encode(Pictures.halves(4000, 3000, Color.RED, Color.BLUE), "jpeg");

        Accepted photo = accepted(processor.process(big));

        assertThat(photo.width()).isEqualTo(4000);
        assertThat(photo.height()).isEqualTo(3000);
        assertThat(photo.display()).extracting(Photo::width, Photo::height).containsExactly(2048, 1536);
        assertThat(photo.thumbnail()).extracting(Photo::width, Photo::height).containsExactly(480, 360);
        BufferedImage thumbnail = Pictures.decode(photo.thumbnail().jpeg());
        assertThat(thumbnail.getWidth()).isEqualTo(480);
        assertThat(Pictures.near(thumbnail, 5, 180, Color.RED)).isTrue();
        assertThat(Pictures.near(thumbnail, 475, 180, Color.BLUE)).isTrue();
    }

    @Test
    void a_long_panorama_is_decoded_subsampled_and_keeps_its_aspect() {
        byte[] panorama = Pictures.encode(Pictures.halves(8000, 1000, Color.RED, Color.BLUE), "jpeg");

        Accepted photo = accepted(processor.process(panorama));

        assertThat(photo.display()).extracting(Photo::width, Photo::height).containsExactly(2048, 256);
        assertThat(photo.thumbnail()).extracting(Photo::width, Photo::height).containsExactly(480, 60);
    }

    @Test
    void a_small_photo_is_not_enlarged() {
        Accepted photo =
                accepted(processor.process(Pictures.encode(Pictures.halves(300, 200, Color.RED, Color.BLUE), "png")));

        assertThat(photo.original()).isEqualTo(ImageType.PNG);
        assertThat(photo.display()).extracting(Photo::width, Photo::height).containsExactly(300, 200);
        assertThat(photo.thumbnail()).extracting(Photo::width, Photo::height).containsExactly(300, 200);
    }

    @Test
    void a_transparent_png_is_flattened_onto_white() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB); // all transparent
        for (int y = 40; y < 60; y++) {
            for (int x = 90; x < 110; x++) {
                image.setRGB(x, y, 0xFF00FF00); // opaque green in the middle
            }
        }

        Accepted photo = accepted(processor.process(Pictures.encode(image, "png")));

        BufferedImage display = Pictures.decode(photo.display().jpeg());
        assertThat(Pictures.near(display, 0, 0, Color.WHITE)).isTrue();
        assertThat(Pictures.near(display, 199, 99, Color.WHITE)).isTrue();
        assertThat(Pictures.near(display, 100, 50, Color.GREEN)).isTrue();
        assertPlainJpeg(photo.display());
    }

    @Test
    void a_lossless_webp_is_decoded() {
        Accepted photo = accepted(processor.process(WebpFiles.solid(64, 48, 255, 20, 160, 220)));

        assertThat(photo.original()).isEqualTo(ImageType.WEBP);
        assertThat(photo.display()).extracting(Photo::width, Photo::height).containsExactly(64, 48);
        assertThat(Pictures.near(Pictures.decode(photo.display().jpeg()), 32, 24, new Color(20, 160, 220)))
                .isTrue();
        assertPlainJpeg(photo.display());
    }

    @Test
    void a_transparent_webp_is_flattened_onto_white() {
        Accepted photo = accepted(processor.process(WebpFiles.solid(10, 10, 0, 0, 0, 0)));

        assertThat(Pictures.near(Pictures.decode(photo.display().jpeg()), 5, 5, Color.WHITE))
                .isTrue();
    }

    @Test
    void heic_is_refused_with_a_way_out_for_iphone_users() {
        byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic\0\0\0\u0008mdat".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reason(processor.process(heic)))
                .contains("HEIC")
                .contains("Most Compatible")
                .contains("JPEG");
    }

    @Test
    void truncated_or_corrupt_files_are_refused_without_an_exception() {
        byte[] jpeg = Pictures.encode(Pictures.halves(400, 300, Color.RED, Color.BLUE), "jpeg");
        byte[] png = Pictures.encode(Pictures.halves(64, 48, Color.RED, Color.BLUE), "png");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        byte[] webp = WebpFiles.solid(64, 48, 255, 1, 2, 3);

        for (byte[] broken : List.of(
                Arrays.copyOf(jpeg, 3),
                Arrays.copyOf(jpeg, 200),
                Arrays.copyOf(jpeg, jpeg.length / 2),
                garbage,
                Arrays.copyOf(png, 40),
                Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(webp, 16))) {
            assertThat(reason(processor.process(broken))).isEqualTo("this file could not be read as a photo");
        }
    }

    @Test
    void a_jpeg_missing_only_its_end_marker_is_kept() {
        byte[] jpeg = Pictures.encode(Pictures.halves(64, 48, Color.RED, Color.BLUE), "jpeg");

        assertThat(processor.process(Arrays.copyOf(jpeg, jpeg.length - 2))).isInstanceOf(Accepted.class);
    }

    @Test
    void a_file_over_the_byte_limit_is_refused() {
        byte[] tooBig = new byte[(int) PhotoProcessor.MAX_BYTES + 1];
        tooBig[0] = (byte) 0xFF;
        tooBig[1] = (byte) 0xD8;
        tooBig[2] = (byte) 0xFF;

        assertThat(reason(processor.process(tooBig))).isEqualTo("photos can be at most 25 MB; this file is 25.1 MB");
        byte[] jpeg = Pictures.encode(Pictures.halves(64, 48, Color.RED, Color.BLUE), "jpeg");
        assertThat(reason(new PhotoProcessor(jpeg.length - 1, PhotoProcessor.MAX_PIXELS).process(jpeg)))
                .startsWith("photos can be at most");
        assertThat(new PhotoProcessor(jpeg.length, PhotoProcessor.MAX_PIXELS).process(jpeg))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void each_photo_is_named_by_the_sha256_of_its_bytes() throws Exception {
        Accepted photo =
                accepted(processor.process(Pictures.encode(Pictures.halves(900, 600, Color.RED, Color.BLUE), "jpeg")));

        for (Photo p : List.of(photo.display(), photo.thumbnail())) {
            String expected = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(p.jpeg()));
            assertThat(p.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
        }
        assertThat(photo.display().sha256()).isNotEqualTo(photo.thumbnail().sha256());
    }
}
