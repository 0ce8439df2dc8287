package io.chartersync.web;

import io.javalin.http.Context;

/** The response headers of the crew pages (guest pages bring their own, with their script's hash). */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    private static void strict(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
                                + " base-uri 'none'; frame-ancestors 'none'");
    }

    /** Crew pages: strict, and never cached (they hold a personal link). */
    public static void crewPage(Context ctx) {
        strict(ctx);
        ctx.header("Cache-Control", "no-store");
    }
}
