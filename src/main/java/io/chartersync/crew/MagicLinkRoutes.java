package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import io.chartersync.common.LinkTokens;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Forms;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RateLimiter;
import io.chartersync.web.RouteModule;
import io.chartersync.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The crew member's pages behind a magic link. GET and HEAD never change anything (mail scanners follow
 * links); the answer is a POST from the page's form, which carries the page's CSRF token. Every link
 * printed is built from {@code PUBLIC_BASE_URL}, never from the request's Host header. Requests to
 * {@code /m/*} are rate-limited per link and per client address.
 */
final class MagicLinkRoutes implements RouteModule {
    private static final String CSRF_PURPOSE = "crew-page-csrf";
    private final MagicLinks links;
    private final CrewFeed feed;
    private final TemplateEngine templates;
    private final JsonBodies bodies;
    private final LinkTokens tokens;
    private final URI publicBaseUrl;
    private final RateLimiter perLink;
    private final RateLimiter perAddress;
    private final ClientAddress clients;

    MagicLinkRoutes(
            MagicLinks links,
            CrewFeed feed,
            TemplateEngine templates,
            JsonBodies bodies,
            LinkTokens tokens,
            URI publicBaseUrl,
            RateLimiter perLink,
            RateLimiter perAddress,
            ClientAddress clients) {
        this.links = links;
        this.feed = feed;
        this.templates = templates;
        this.bodies = bodies;
        this.tokens = tokens;
        this.publicBaseUrl = publicBaseUrl;
        this.perLink = perLink;
        this.perAddress = perAddress;
        this.clients = clients;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.before("/m/*", this::limit);
        routes.get("/m/{token}", this::page);
        routes.head("/m/{token}", this::page);
        routes.post("/m/{token}/respond", this::respond);
        routes.get("/m/{token}/calendar.ics", this::calendar);
    }

    /** More than the limit from one address, or for one link, in a minute: 429 with Retry-After. */
    private void limit(Context ctx) {
        perAddress.acquire("ip:" + clients.of(ctx)).ifPresent(wait -> {
            throw new AppException.TooManyRequests(
                    "Too many requests from your address; try again in " + wait + " s.", wait);
        });
        String token = ctx.path().replaceFirst("^/m/([^/]*).*$", "$1");
        perLink.acquire("link:" + token).ifPresent(wait -> {
            throw new AppException.TooManyRequests(
                    "Too many requests for this link; try again in " + wait + " s.", wait);
        });
    }

    private void page(Context ctx) {
        String token = ctx.pathParam("token");
        SecurityHeaders.crewPage(ctx);
        CrewView view;
        try {
            view = links.view(token);
        } catch (AppException.Gone | AppException.NotFound e) {
            unavailable(ctx, e);
            return;
        }
        String base = publicBaseUrl + "/m/" + token;
        String feedUrl = base + "/calendar.ics";
        render(
                ctx,
                "crew/page.jte",
                new CrewPage(
                        view,
                        CrewAnswer.fromWire(ctx.queryParam("answered")),
                        base + "/respond",
                        csrf(token),
                        feedUrl,
                        feedUrl.replaceFirst("^https?://", "webcal://")));
    }

    /**
     * Records the answer: from the page's form (its CSRF token required; answered with 303 back to the
     * page), or from a JSON body {@code {"answer": "confirm"}} for API clients (answered with 200). A JSON
     * body needs no CSRF token: no cross-site form can send one, and no CORS preflight is ever allowed.
     */
    private void respond(Context ctx) {
        String token = ctx.pathParam("token");
        String type = Forms.mediaType(ctx);
        if (type.equals("application/json") || type.endsWith("+json")) {
            CrewAnswer answer = CrewAnswer.parse(jsonAnswer(ctx));
            links.respond(token, answer);
            ctx.json(Map.of("answer", answer.wire()));
            return;
        }
        Forms.requireForm(ctx, false);
        if (!sameBytes(Forms.field(ctx, "csrf"), csrf(token))) {
            throw new AppException.Forbidden(
                    "The form's security token (csrf) is missing or wrong: answer from the page your link opens.");
        }
        CrewAnswer answer = CrewAnswer.parse(Forms.field(ctx, "answer"));
        try {
            links.respond(token, answer);
        } catch (AppException.Gone | AppException.NotFound e) {
            SecurityHeaders.crewPage(ctx);
            unavailable(ctx, e);
            return;
        }
        ctx.redirect(publicBaseUrl + "/m/" + token + "?answered=" + answer.wire(), HttpStatus.SEE_OTHER);
    }

    private String jsonAnswer(Context ctx) {
        JsonNode answer = bodies.object(ctx).get("answer");
        return answer != null && answer.isTextual() ? answer.asText() : null;
    }

    /** The member's feed, with an ETag over its content (DTSTAMP aside) so subscribers poll cheaply. */
    private void calendar(Context ctx) {
        String ics = feed.render(links.feed(ctx.pathParam("token")));
        String etag = "\""
                + Hashes.sha256Hex(ics.replaceAll("(?m)^DTSTAMP:.*\r?\n", "")).substring(0, 32) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "private, no-cache");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/calendar; charset=utf-8").result(ics);
    }

    /** A dead link (410, saying why) or an unknown one (404), as a page for the person who opened it. */
    private void unavailable(Context ctx, AppException e) {
        boolean gone = e instanceof AppException.Gone;
        ctx.status(gone ? 410 : 404);
        render(
                ctx,
                "crew/unavailable.jte",
                new CrewUnavailable(
                        gone ? "This link no longer works" : "We don't recognise this link",
                        gone
                                ? e.getMessage()
                                : "Check that you opened the whole link from your email. If it still fails, ask your charter operator for a new one."));
    }

    private void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.html(out.toString());
    }

    private String csrf(String token) {
        return tokens.derive(CSRF_PURPOSE, token);
    }

    private static boolean sameBytes(String presented, String expected) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
