package io.chartersync.common;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters a text from a client may hold. PostgreSQL refuses U+0000 in text; the other control
 * characters (C0 but tab, line feed and carriage return; DEL; C1) mean nothing in a name, a note or an id
 * and break the files we write (iCalendar, email); a lone surrogate is no character at all (the driver
 * would store it as '?'). Line breaks are a matter of the field: see {@link JsonFields#text}.
 */
public final class Characters {
    private Characters() {}

    /** Why {@code text} may not be stored, or empty when it may. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds a lone surrogate (" + codePoint(c) + "): not valid UTF-16 or UTF-8 text");
            } else if (isControl(c)) {
                return Optional.of("holds the control character " + codePoint(c) + ", which no text here may hold");
            }
        }
        return Optional.empty();
    }

    /** True for text with a line break (LF or CR): fine in notes, wrong in a name, an id or an address. */
    public static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
