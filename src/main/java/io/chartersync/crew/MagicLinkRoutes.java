package io.chartersync.crew;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.web.RouteModule;
import io.chartersync.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The crew member's pages behind a magic link. GET and HEAD never change anything (mail scanners follow
 * links); the answer is a POST from the page's form.
 */
public final class MagicLinkRoutes implements RouteModule {
    private final CrewLinks links;
    private final TemplateEngine templates;
    private final CrewFeed feed;

    public MagicLinkRoutes(CrewService service, TemplateEngine templates, String uidDomain) {
        this.links = service.links();
        this.templates = templates;
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

    private void respond(Context ctx) {
        String answer = ctx.formParam("answer");
        links.respond(ctx.pathParam("token"), answer);
        ctx.redirect("/m/" + ctx.pathParam("token") + "?answered=" + answer, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void calendar(Context ctx) {
        String ics = feed.render(links.feed(ctx.pathParam("token")));
        ctx.header("Cache-Control", "no-store")
                .contentType("text/calendar; charset=utf-8")
                .result(ics);
    }
}
