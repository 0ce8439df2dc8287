package io.chartersync.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Problem;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{source}}: a signed delivery, checked in this order so that nothing about a delivery
 * is read before it is known to come from the source: a source with no secret answers 404; missing headers, a
 * bad signature or a timestamp more than 5 minutes off the program's clock 401 (the body not parsed); a body
 * over the program's limit 413 (the server's). Then a delivery seen within 24 hours answers 200 and does
 * nothing ({@link Deliveries}); a bad body answers 400 naming the field, final (the detail says so).
 */
final class WebhookRoutes implements RouteModule {
    private static final Logger log = LoggerFactory.getLogger(WebhookRoutes.class);
    private static final String FINAL = " Nothing was stored; this delivery is refused for good: sending it again"
            + " will not help, fix the payload and send a new one.";

    private final WebhookModule.Keys keys;
    private final JsonBodies bodies;
    private final ObjectMapper json;
    private final Deliveries deliveries;
    private final Clock clock;

    WebhookRoutes(WebhookModule.Keys keys, JsonBodies bodies, ObjectMapper json, Deliveries deliveries, Clock clock) {
        this.keys = keys;
        this.bodies = bodies;
        this.json = json;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/webhooks/{source}", this::receive);
    }

    private void receive(Context ctx) {
        String source = ctx.pathParam("source");
        List<byte[]> sourceKeys =
                keys.of(source).orElseThrow(() -> new AppException.NotFound("webhook source", source));
        String id = ctx.header("webhook-id");
        String timestamp = ctx.header("webhook-timestamp");
        String signature = ctx.header("webhook-signature");
        if (blank(id) || blank(timestamp) || blank(signature)) {
            throw refused(source, Signatures.Verdict.INVALID);
        }
        byte[] body = ctx.bodyAsBytes();
        Signatures.Verdict verdict = Signatures.verify(sourceKeys, id, timestamp, signature, body, clock.instant());
        if (verdict != Signatures.Verdict.VALID) {
            throw refused(source, verdict);
        }
        if (!id.matches("[\\x21-\\x7e]{1,255}")) {
            finalProblem(ctx, AppException.InvalidInput.of("webhook-id", "must be 1 to 255 visible ASCII characters"));
            return;
        }
        Deliveries.Answer answer;
        try {
            answer = deliveries.receive(source, id, () -> bodies.object(ctx));
        } catch (AppException.InvalidInput invalid) {
            finalProblem(ctx, invalid);
            return;
        }
        answer.location().ifPresent(location -> ctx.header("Location", location));
        ctx.status(answer.status()).json(answer.document());
    }

    private static boolean blank(String header) {
        return header == null || header.isBlank();
    }

    /** A 401 that says only which check failed: the signature, or the timestamp (too old or too new). */
    private static AppException refused(String source, Signatures.Verdict verdict) {
        log.info("Webhook for source {} refused: {}", source, verdict);
        return new AppException.Unauthorized(
                switch (verdict) {
                    case TOO_OLD -> "webhook timestamp too old (more than 5 minutes before the server's clock)";
                    case TOO_NEW -> "webhook timestamp too new (more than 5 minutes after the server's clock)";
                    case INVALID, VALID ->
                        "webhook signature invalid (webhook-id, webhook-timestamp and webhook-signature are"
                                + " required, signed with this source's secret)";
                });
    }

    /** A 400 naming the fields, whose detail tells the sender not to retry. */
    private void finalProblem(Context ctx, AppException.InvalidInput invalid) {
        List<FieldError> errors = invalid.errors();
        try {
            ctx.status(400)
                    .contentType(Problem.CONTENT_TYPE)
                    .result(json.writeValueAsString(new Problem(
                            "about:blank", "Invalid input", 400, invalid.getMessage() + "." + FINAL, errors)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a problem document", e);
        }
    }

    /** Parses the body lazily: only a signed delivery that is no replay gets this far. */
    @FunctionalInterface
    interface BodyReader {
        JsonNode read();
    }
}
