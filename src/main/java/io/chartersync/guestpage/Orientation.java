package io.chartersync.guestpage;

import java.awt.geom.AffineTransform;
import java.util.Arrays;

/**
 * How a camera says its stored pixels must be turned to stand upright: the eight EXIF orientations (tag 0x0112, in
 * EXIF's order 1 to 8). Readers report it through the standard ImageIO metadata tree as
 * {@code Dimension/ImageOrientation}, named as TwelveMonkeys maps EXIF onto that tree.
 */
enum Orientation {
    NORMAL("Normal"),
    FLIP_HORIZONTAL("FlipH"),
    ROTATE_180("Rotate180"),
    FLIP_VERTICAL("FlipV"),
    TRANSPOSE("FlipVRotate90"),
    ROTATE_90_CLOCKWISE("Rotate270"),
    TRANSVERSE("FlipHRotate90"),
    ROTATE_90_COUNTER_CLOCKWISE("Rotate90");

    private final String standardName;

    Orientation(String standardName) {
        this.standardName = standardName;
    }

    static Orientation ofStandardName(String name) {
        return Arrays.stream(values())
                .filter(o -> o.standardName.equals(name))
                .findFirst()
                .orElse(NORMAL);
    }

    /** Whether the upright image is the stored one on its side (width and height swap). */
    boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    PixelSize upright(PixelSize stored) {
        return swapsAxes() ? stored.transposed() : stored;
    }

    /** Maps a stored image of {@code w} × {@code h} onto its upright canvas. */
    AffineTransform transform(int w, int h) {
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case FLIP_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case FLIP_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CLOCKWISE -> new AffineTransform(0, 1, -1, 0, h, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
            case ROTATE_90_COUNTER_CLOCKWISE -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
    }
}
