package io.chartersync.console;

import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** The console's home page ({@code GET /}): for a signed-in user the board, else a 303 to the sign-in form. */
final class BoardRoutes implements RouteModule {
    private final Pages pages;

    BoardRoutes(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", pages.page(this::board));
    }

    private void board(Context ctx, SignedIn user) {
        pages.render(ctx, "console/home.jte", new HomePage(pages.shell("Board", user, Section.BOARD)));
    }
}
