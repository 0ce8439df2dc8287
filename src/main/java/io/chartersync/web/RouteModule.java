package io.chartersync.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.regex.Pattern;

/** A feature's HTTP routes; the server registers every module's routes at start. */
@FunctionalInterface
public interface RouteModule {
    void register(JavalinDefaultRoutingApi routes);

    /** Paths (whole-path patterns) whose requests may carry more than the 1 MiB every other route allows. */
    default Map<Pattern, Long> bodyLimits() {
        return Map.of();
    }
}
