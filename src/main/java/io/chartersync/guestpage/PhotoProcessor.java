package io.chartersync.guestpage;

import io.chartersync.common.Hashes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an uploaded file into safe, metadata-free images, or refuses it with a reason a guest can read.
 *
 * <p>In order: the type is sniffed from the magic bytes (the claimed name and media type count for nothing); the size
 * in bytes is bounded; the reader for that type reads only the header, and more than {@link #MAX_PIXELS} pixels is
 * refused before any pixel is decoded (decompression bombs); the pixels are decoded with source subsampling, turned
 * upright by the EXIF orientation, flattened onto white, and re-encoded as new JPEGs with no metadata at all, so EXIF
 * (GPS), XMP, IPTC, ICC, comments and anything hidden around the image data (HTML polyglots) are gone.
 *
 * <p>HEIC is recognised but refused: no pure-Java HEIC (HEVC) decoder exists, and native ones are not bundled. iPhones
 * send JPEG when the camera is set to Most Compatible, or when a photo is shared as JPEG. WebP is decoded by
 * TwelveMonkeys; PNG by the JDK; JPEG by TwelveMonkeys (which also reads CMYK JPEGs the JDK refuses).
 */
final class PhotoProcessor {
    static final long MAX_BYTES = 25L * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    static final int DISPLAY_SIDE = 2048;
    static final int THUMBNAIL_SIDE = 480;
    static final String NOT_A_PHOTO = "not a JPEG, PNG, WebP or HEIC photo";
    static final String UNREADABLE = "this file could not be read as a photo";
    static final String HEIC_REFUSED = "HEIC photos can't be processed here; on iPhone choose Most Compatible"
            + " (Settings > Camera > Formats), or share the photo as JPEG";

    private static final Logger log = LoggerFactory.getLogger(PhotoProcessor.class);
    private static final int SNIFF_BYTES = 32;

    private final long maxBytes;
    private final long maxPixels;

    PhotoProcessor() {
        this(MAX_BYTES, MAX_PIXELS);
    }

    PhotoProcessor(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    Outcome process(byte[] upload) {
        Objects.requireNonNull(upload, "upload");
        ImageType type = ImageType.sniff(Arrays.copyOf(upload, Math.min(upload.length, SNIFF_BYTES)))
                .orElse(null);
        if (type == null) {
            return new Rejected(NOT_A_PHOTO);
        }
        if (upload.length > maxBytes) {
            return new Rejected("photos can be at most %s MB; this file is %s MB"
                    .formatted(megabytes(maxBytes), megabytes(upload.length)));
        }
        if (type == ImageType.HEIC) {
            return new Rejected(HEIC_REFUSED);
        }
        ImageReader imageReader = PhotoReader.readerFor(type); // a missing plugin is our fault: let it fail loudly
        try (PhotoReader reader = PhotoReader.open(imageReader, upload)) {
            return process(type, reader);
        } catch (IOException | RuntimeException unreadable) {
            log.info("photo refused as unreadable: {} {}", type, unreadable.toString());
            return new Rejected(UNREADABLE);
        }
    }

    private Outcome process(ImageType type, PhotoReader reader) throws IOException {
        PixelSize stored = reader.size();
        if (stored.pixels() > maxPixels) {
            return new Rejected("this photo is %s pixels; photos can have at most %s megapixels"
                    .formatted(stored, megapixels(maxPixels)));
        }
        Orientation orientation = reader.orientation();
        BufferedImage upright = Pixels.upright(reader.read(stored.subsamplingFor(DISPLAY_SIDE)), orientation);
        PixelSize original = orientation.upright(stored);
        Photo display = photo(Pixels.scaled(upright, original.fitWithin(DISPLAY_SIDE)));
        Photo thumbnail = photo(Pixels.scaled(upright, original.fitWithin(THUMBNAIL_SIDE)));
        return new Accepted(type, original.width(), original.height(), display, thumbnail);
    }

    private static Photo photo(BufferedImage rgb) {
        byte[] jpeg = JpegWriter.encode(rgb);
        return new Photo(jpeg, rgb.getWidth(), rgb.getHeight(), Hashes.sha256Hex(jpeg));
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String megapixels(long pixels) {
        return BigDecimal.valueOf(pixels, 6).stripTrailingZeros().toPlainString();
    }

    sealed interface Outcome permits Accepted, Rejected {}

    /**
     * A photo made safe. {@code width} and {@code height} are the original's, as it stands upright. Display: longest
     * side at most 2048 px; thumbnail: at most 480 px; both fresh JPEGs (quality 0.85) without metadata.
     */
    record Accepted(ImageType original, int width, int height, Photo display, Photo thumbnail) implements Outcome {}

    /** One re-encoded JPEG and the lower-case hex SHA-256 of its bytes, for a content-hashed name. */
    record Photo(byte[] jpeg, int width, int height, String sha256) {}

    /** Refused, with a reason fit to show the guest. */
    record Rejected(String reason) implements Outcome {}
}
