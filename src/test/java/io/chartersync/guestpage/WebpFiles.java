package io.chartersync.guestpage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Lossless WebP (VP8L) files of one colour, written bit by bit: each of the five prefix codes is a "simple code" of a
 * single symbol, so every pixel takes zero bits and the file is a few dozen bytes whatever its size.
 */
final class WebpFiles {
    private WebpFiles() {}

    static byte[] solid(int width, int height, int alpha, int red, int green, int blue) {
        Bits bits = new Bits();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(alpha == 255 ? 0 : 1, 1); // alpha_is_used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        for (int symbol : new int[] {green, red, blue, alpha, 0}) { // green, red, blue, alpha, distance
            bits.write(1, 1); // simple code
            bits.write(0, 1); // one symbol
            bits.write(1, 1); // symbol is 8 bits wide
            bits.write(symbol, 8);
        }
        return riff(bits.bytes());
    }

    private static byte[] riff(byte[] vp8l) {
        int padded = vp8l.length + (vp8l.length % 2);
        ByteBuffer file = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded);
        file.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
        return file.array();
    }

    /** A little-endian bit writer, least significant bit first, as VP8L reads. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
            }
            return out.toByteArray();
        }
    }
}
