package io.chartersync.guestpage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes JPEG marker segments byte by byte, independent of any ImageIO parser: what the tests use to plant
 * metadata in a JPEG and to prove none comes out.
 */
final class JpegSegments {
    static final int SOF0 = 0xC0, DHT = 0xC4, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, DQT = 0xDB, DRI = 0xDD;
    static final int APP0 = 0xE0, APP1 = 0xE1, APP2 = 0xE2, APP13 = 0xED, COM = 0xFE;

    /** A GPS latitude of 25° 46' 30.00", as the six big-endian rationals the EXIF block carries. */
    static final byte[] GPS_LATITUDE = ByteBuffer.allocate(24)
            .putInt(25)
            .putInt(1)
            .putInt(46)
            .putInt(1)
            .putInt(3000)
            .putInt(100)
            .array();

    private JpegSegments() {}

    /** One marker segment; {@code payload} is what follows its length field (empty for SOI, EOI, RSTn). */
    record Segment(int marker, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
    }

    /** The file's segments in order, walking the entropy-coded data after each SOS, through EOI. */
    static List<Segment> walk(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (true) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new AssertionError("no marker at offset " + i);
            }
            while ((jpeg[i] & 0xFF) == 0xFF) {
                i++; // fill bytes
            }
            int marker = jpeg[i++] & 0xFF;
            if (marker == SOI || marker == EOI || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                segments.add(new Segment(marker, new byte[0]));
                if (marker == EOI) {
                    if (i != jpeg.length) {
                        throw new AssertionError((jpeg.length - i) + " bytes after EOI");
                    }
                    return segments;
                }
                continue;
            }
            int length = ((jpeg[i] & 0xFF) << 8) | (jpeg[i + 1] & 0xFF);
            byte[] payload = new byte[length - 2];
            System.arraycopy(jpeg, i + 2, payload, 0, payload.length);
            segments.add(new Segment(marker, payload));
            i += length;
            if (marker == SOS) {
                i = endOfEntropyCodedData(jpeg, i);
            }
        }
    }

    private static int endOfEntropyCodedData(byte[] jpeg, int i) {
        while (true) {
            if ((jpeg[i] & 0xFF) == 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
            }
            i++;
        }
    }

    /** A copy of {@code jpeg} whose SOF0 frame header claims {@code width} × {@code height}. */
    static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int i = 2;
        while ((copy[i + 1] & 0xFF) != SOF0) {
            i += 2 + (((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF));
        }
        ByteBuffer.wrap(copy, i + 5, 4).putShort((short) height).putShort((short) width);
        return copy;
    }

    /** {@code jpeg} with {@code segments} inserted right after SOI. */
    static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(payload.length + 4)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload)
                .array();
    }

    static byte[] comment(String text) {
        return segment(COM, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An XMP packet, the way Adobe and phones store one, with {@code marker} and a GPS position in it. */
    static byte[] xmp(String marker) {
        String xml = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
                + " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
                + " xmlns:exif='http://ns.adobe.com/exif/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'"
                + " exif:GPSLatitude='25,46.5N'><dc:description>" + marker
                + "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>";
        return segment(APP1, ("http://ns.adobe.com/xap/1.0/\0" + xml).getBytes(StandardCharsets.UTF_8));
    }

    /** A Photoshop APP13 block holding an IPTC caption (2:120) with {@code marker}. */
    static byte[] photoshopIptc(String marker) {
        byte[] caption = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] iptc = ByteBuffer.allocate(5 + caption.length)
                .put(new byte[] {0x1C, 0x02, 0x78})
                .putShort((short) caption.length)
                .put(caption)
                .array();
        int padded = iptc.length + (iptc.length % 2);
        ByteBuffer block = ByteBuffer.allocate(14 + 4 + 2 + 2 + 4 + padded)
                .put("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII))
                .put("8BIM".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 0x0404)
                .putShort((short) 0) // empty Pascal name, padded to even
                .putInt(iptc.length)
                .put(iptc);
        return segment(APP13, block.array());
    }

    /**
     * An EXIF APP1 segment written by hand (big-endian TIFF): IFD0 with ImageDescription {@code description},
     * Orientation {@code orientation} and a GPSInfo pointer; the GPS IFD with latitude 25° 46' 30" N and longitude
     * 80° 11' 42" W.
     */
    static byte[] exif(String description, int orientation) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
        int textAt = gpsIfd + 2 + 4 * 12 + 4;
        int latitudeAt = textAt + text.length + (text.length % 2);
        int longitudeAt = latitudeAt + 24;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + 24).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);

        tiff.putShort((short) 3);
        entry(tiff, 0x010E, 2, text.length).putInt(textAt); // ImageDescription, ASCII
        entry(tiff, 0x0112, 3, 1).putShort((short) orientation).putShort((short) 0); // Orientation, SHORT
        entry(tiff, 0x8825, 4, 1).putInt(gpsIfd); // GPSInfo, LONG
        tiff.putInt(0);

        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2).put((byte) 'N').put((byte) 0).putShort((short) 0); // GPSLatitudeRef
        entry(tiff, 0x0002, 5, 3).putInt(latitudeAt); // GPSLatitude, RATIONAL
        entry(tiff, 0x0003, 2, 2).put((byte) 'W').put((byte) 0).putShort((short) 0); // GPSLongitudeRef
        entry(tiff, 0x0004, 5, 3).putInt(longitudeAt); // GPSLongitude, RATIONAL
        tiff.putInt(0);

        tiff.position(textAt);
        tiff.put(text);
        tiff.position(latitudeAt);
        tiff.put(GPS_LATITUDE);
        tiff.putInt(80).putInt(1).putInt(11).putInt(1).putInt(4200).putInt(100);

        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(tiff.array());
        return segment(APP1, payload.toByteArray());
    }

    private static ByteBuffer entry(ByteBuffer tiff, int tag, int type, int count) {
        return tiff.putShort((short) tag).putShort((short) type).putInt(count);
    }
}
