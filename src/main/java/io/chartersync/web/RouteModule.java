package io.chartersync.web;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's HTTP routes; the server registers every module's routes at start. */
@FunctionalInterface
public interface RouteModule {
    void register(JavalinDefaultRoutingApi routes);
}
