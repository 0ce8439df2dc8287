package io.chartersync.crew;

import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.Hashes;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.chartersync.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * The crew member's pages behind a magic link. GET and HEAD never change anything (mail scanners follow
 * links); the answer is a POST from the page's form.
 */
public final class MagicLinkRoutes implements RouteModule {
    private final CrewLinks links;
    private final TemplateEngine templates;
    private final JsonBodies bodies;
    private final CrewFeed feed;

    public MagicLinkRoutes(CrewService service, TemplateEngine templates, JsonBodies bodies, String uidDomain) {
        this.links = service.links();
        this.templates = templates;
        this.bodies = bodies;
        this.feed = new CrewFeed(uidDomain);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/m/{token}", this::page);
        routes.head("/m/{token}", this::page);
        routes.post("/m/{token}/respond", this::respond);
        routes.get("/m/{token}/calendar.ics", this::calendar);
    }

    private void page(Context ctx) {
        CrewView view = links.view(ctx.pathParam("token"));
        StringOutput out = new StringOutput();
        templates.render("crew/page.jte", new CrewPage(view, ctx.queryParam("answered"), ctx.pathParam("token")), out);
        SecurityHeaders.crewPage(ctx);
        ctx.html(out.toString());
    }

    /**
     * Records the answer: from the page's form (answered with 303 back to the page), or from a JSON body
     * {@code {"answer": "confirm"}} for API clients (answered with 200 and the recorded answer).
     */
    private void respond(Context ctx) {
        String token = ctx.pathParam("token");
        boolean json = ctx.contentType() != null && ctx.contentType().startsWith("application/json");
        String answer = json ? jsonAnswer(ctx) : ctx.formParam("answer");
        links.respond(token, answer);
        if (json) {
            ctx.json(Map.of("answer", answer));
        } else {
            ctx.redirect("/m/" + token + "?answered=" + answer, HttpStatus.SEE_OTHER);
        }
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
}
