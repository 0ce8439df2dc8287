package io.chartersync.guestpage;

import io.chartersync.common.AppException;
import io.chartersync.web.RouteModule;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The photo-upload entry point of the guest page ({@code POST /g/presign}). Uploads arrive in a later
 * release; until then it answers 501 with a message saying so, and stores nothing.
 */
public final class PresignRoutes implements RouteModule {
    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/g/presign", ctx -> {
            throw new AppException.NotImplemented(
                    "Photo uploads are not available yet; they arrive in the next release. Nothing was uploaded.");
        });
    }
}
