package io.chartersync.console;

import io.javalin.http.Context;
import java.time.Duration;

/** The console's cookies: always {@code HttpOnly} and {@code SameSite=Lax}; {@code Secure} on an https site. */
final class Cookies {
    static final String SESSION = "cs_session";
    /** The browser's half of the sign-in form's CSRF token, before there is a session. */
    static final String LOGIN = "cs_login";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    void set(Context ctx, String name, String value, String path, Duration maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds()
                                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx, String name, String path) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    /** The cookie's value, or null; values that could not be ours (too long) are ignored. */
    static String read(Context ctx, String name) {
        String value = ctx.cookie(name);
        return value == null || value.isBlank() || value.length() > 100 ? null : value;
    }
}
