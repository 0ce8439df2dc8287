package io.chartersync.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Canary values for leak scans: a figure as any locale or unit might print it. */
public final class Canaries {
    private Canaries() {}

    /**
     * {@code whole} (seven digits, as {@code 7654321}) plain and with the thousands separators locales use:
     * comma, dot, space, no-break space, narrow no-break space, apostrophe. The plain digits also cover the
     * decimal forms ({@code 7654321,89}) and cents ({@code 765432189}).
     */
    public static List<String> printedForms(long whole) {
        String digits = Long.toString(whole);
        if (digits.length() != 7) {
            throw new IllegalArgumentException("a canary figure has seven digits: " + whole);
        }
        String millions = digits.substring(0, 1);
        String thousands = digits.substring(1, 4);
        String units = digits.substring(4);
        List<String> forms = new ArrayList<>(List.of(digits));
        for (String separator : List.of(",", ".", " ", "\u00a0", "\u202f", "'")) {
            forms.add(millions + separator + thousands + separator + units);
        }
        return List.copyOf(forms);
    }
}
