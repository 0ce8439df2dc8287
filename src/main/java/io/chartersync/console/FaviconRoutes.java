package io.chartersync.console;

import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The program's icon, a sail over a wave in the console's colours, served by us (no external host, so the
 * pages' {@code img-src 'self'} holds): {@code /favicon.svg}, which the console and crew pages link, and the
 * same at {@code /favicon.ico}, where browsers look when a page names none.
 */
final class FaviconRoutes implements RouteModule {
    static final String PATH = "/favicon.svg";

    private final byte[] icon = resource("/console/favicon.svg");

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::icon);
        routes.get("/favicon.ico", this::icon);
    }

    private void icon(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                // Opened on its own, the image runs nothing and loads nothing.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .contentType("image/svg+xml")
                .result(icon);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Objects.requireNonNull(
                FaviconRoutes.class.getResourceAsStream(name), name + " is missing from the program")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
