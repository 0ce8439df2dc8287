package io.chartersync.guestpage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest page's strict Content-Security-Policy: nothing loads but the page's own styles, its one
 * script (by hash), its images, and uploads to the store. Sent as a header by the program, and as a meta
 * tag in the page for CDNs that do not add it.
 */
final class GuestSecurity {
    private GuestSecurity() {}

    static String contentSecurityPolicy(String uploadOrigin) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; script-src " + GuestScript.cspHash()
                + "; connect-src 'self' " + uploadOrigin + "; form-action 'self'; base-uri 'none'";
    }

    static Map<String, String> headers(String csp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", csp + "; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Robots-Tag", "noindex, nofollow");
        return headers;
    }
}
