package io.chartersync.guestpage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** PNG files written chunk by chunk, so a header can claim any size. */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunks() {}

    /** A well-formed 8-bit RGB PNG whose IHDR claims {@code width} × {@code height}, with one tiny IDAT. */
    static byte[] claiming(int width, int height) {
        byte[] header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8) // bit depth
                .put((byte) 2) // colour type: RGB
                .put(new byte[] {0, 0, 0}) // deflate, adaptive filtering, no interlace
                .array();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        png.writeBytes(chunk("IHDR", header));
        png.writeBytes(chunk("IDAT", deflate(new byte[64])));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[256];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
