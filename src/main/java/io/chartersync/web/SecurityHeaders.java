package io.chartersync.web;

import io.javalin.http.Context;

/** The response headers of pages that guests and crew open from an email. */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    public static void guestPage(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
                                + " base-uri 'none'; frame-ancestors 'none'");
    }

    /** Crew pages: the same, and never cached (they hold a personal link). */
    public static void crewPage(Context ctx) {
        guestPage(ctx);
        ctx.header("Cache-Control", "no-store");
    }
}
