package io.chartersync.guestpage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The image types a guest may upload, recognised by magic bytes only. */
enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    HEIC("image/heic");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> HEIC_BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The type whose media type this is, ignoring parameters ({@code ; charset=…}), case and blanks. */
    static Optional<ImageType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** The type the first bytes of a file show (32 are plenty); whatever the name or media type claimed. */
    static Optional<ImageType> sniff(byte[] head) {
        if (startsWith(head, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 4, 4).equals("ftyp") && HEIC_BRANDS.contains(ascii(head, 8, 4))) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static String ascii(byte[] head, int offset, int length) {
        return head.length >= offset + length ? new String(head, offset, length, StandardCharsets.ISO_8859_1) : "";
    }
}
