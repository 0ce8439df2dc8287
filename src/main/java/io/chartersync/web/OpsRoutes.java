package io.chartersync.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness, readiness and Prometheus metrics. */
public final class OpsRoutes implements RouteModule {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;

    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            if (ready.getAsBoolean()) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.status(503)
                        .contentType(Problem.CONTENT_TYPE)
                        .result("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"The database or the task scheduler is not ready\"}");
            }
        });
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
    }
}
