package io.chartersync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.Json;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.TokenGenerator;
import io.chartersync.db.Database;
import io.chartersync.db.TaskQueue;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RateLimiter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The parts every feature module may be given, built once: the database, the one clock and source of
 * randomness, JSON, metrics, templates, the task queue, link signing, the audit log, the two guards of the
 * APIs, and the body and client-address readers of the web layer.
 */
record Shared(
        AppConfig config,
        Database database,
        URI baseUrl,
        Clock clock,
        TokenGenerator random,
        ObjectMapper json,
        PrometheusMeterRegistry metrics,
        TemplateEngine templates,
        TaskQueue tasks,
        LinkTokens linkTokens,
        AuditLog audit,
        Guard operator,
        Guard service,
        JsonBodies bodies,
        ClientAddress clientAddress) {

    static Shared build(
            AppConfig config, Secrets secrets, Database database, URI baseUrl, Clock clock, TokenGenerator random) {
        ObjectMapper json = Json.mapper();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        return new Shared(
                config,
                database,
                baseUrl,
                clock,
                random,
                json,
                metrics,
                TemplateEngine.createPrecompiled(ContentType.Html),
                new TaskQueue(),
                new LinkTokens(secrets.linkSigningKey()),
                new AuditLog(json, clock),
                new Guard("X-Dashboard-Token", secrets.dashboardTokenHashes()),
                new Guard("X-Service-Key", secrets.serviceKeyHashes()),
                new JsonBodies(json),
                new ClientAddress(config.http().clientAddressHeader()));
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** A rate limiter on the one clock, {@code perMinute} requests a minute. */
    RateLimiter limiter(int perMinute) {
        return new RateLimiter(perMinute, clock);
    }
}
