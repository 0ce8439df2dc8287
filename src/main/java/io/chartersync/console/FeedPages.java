package io.chartersync.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.feed.FeedView;
import io.chartersync.feed.Feeds;
import io.chartersync.guestpage.GuestPageModule;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Feeds page ({@code GET /feeds}): every marketplace calendar feed; an owner adds one ({@code POST
 * /feeds}) and deletes one ({@code POST /feeds/{id}/delete}); anyone signed in polls one now ({@code POST
 * /feeds/{id}/poll}, back to {@code back} or the page). The same rules as {@code /api/feeds}.
 */
final class FeedPages implements RouteModule {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
    private static final Map<String, String> LABELS = Map.of(
            "source", "Marketplace",
            "url", "Calendar link",
            "boat", "Boat",
            "interval_minutes", "Poll every (minutes)",
            "auto_cancel", "Auto-cancel");
    private static final Map<String, String> DONE = Map.of(
            "added", "Added. Its first poll runs in a moment: Poll now to see it at once.",
            "polled", "Polled. The feed's line below says what it found.",
            "deleted", "Deleted. Its polls stopped; its bookings stay.");

    private final Pages pages;
    private final Feeds feeds;
    private final GuestPageModule boats;
    private final ZoneId marina;

    FeedPages(Pages pages, Feeds feeds, GuestPageModule boats, ZoneId marina) {
        this.pages = pages;
        this.feeds = feeds;
        this.boats = boats;
        this.marina = marina;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/feeds", pages.page(this::show));
        routes.post("/feeds", pages.ownerForm(this::add));
        routes.post("/feeds/{id}/poll", pages.form(this::poll));
        routes.post("/feeds/{id}/delete", pages.ownerForm(this::delete));
    }

    private void show(Context ctx, SignedIn user) {
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("done")).map(DONE::get);
        render(ctx, user, notice, Map.of("interval_minutes", "15"), FieldErrors.none());
    }

    private void add(Context ctx, SignedIn user) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("source", "url", "boat", "interval_minutes")) {
            values.put(name, field(ctx, name));
        }
        values.put("auto_cancel", "true".equals(field(ctx, "auto_cancel")) ? "true" : "false");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            if (name.equals("auto_cancel")) {
                body.put(name, value.equals("true"));
            } else if (!value.isEmpty()) {
                body.put(name, value);
            }
        });
        // The link is a secret: a refused form does not show it back (paste it again).
        values.put("url", "");
        try {
            feeds.add(body, user.actor());
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            render(ctx, user, Optional.empty(), values, FieldErrors.of(e.errors(), f -> f, LABELS));
            return;
        } catch (AppException.Conflict e) {
            ctx.status(409);
            render(
                    ctx,
                    user,
                    Optional.empty(),
                    values,
                    FieldErrors.of(
                            "url", LABELS.get("url"), "this marketplace's feed with this link is added already"));
            return;
        }
        ctx.redirect("/feeds?done=added", HttpStatus.SEE_OTHER);
    }

    private void poll(Context ctx, SignedIn user) {
        Optional<UUID> id = uuid(ctx.pathParam("id"));
        if (id.isEmpty() || feeds.find(id.get()).isEmpty()) {
            pages.notFound(ctx, user, "feed");
            return;
        }
        feeds.poll(id.get());
        String back = "/attention".equals(Forms.field(ctx, "back")) ? "/attention" : "/feeds";
        ctx.redirect(back + "?done=polled", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx, SignedIn user) {
        Optional<UUID> id = uuid(ctx.pathParam("id"));
        try {
            feeds.delete(id.orElseThrow(() -> new AppException.NotFound("feed", "")), user.actor());
        } catch (AppException.NotFound e) {
            pages.notFound(ctx, user, "feed");
            return;
        }
        ctx.redirect("/feeds?done=deleted", HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx, SignedIn user, Optional<String> notice, Map<String, String> values, FieldErrors errors) {
        List<FeedsPage.Row> rows = feeds.all().stream().map(this::row).toList();
        List<String> known =
                boats.boats().stream().map(GuestPageModule.Boat::name).toList();
        pages.render(
                ctx,
                "console/feeds.jte",
                new FeedsPage(
                        pages.shell("Feeds", user, Section.FEEDS),
                        notice,
                        rows,
                        user.role() == Role.OWNER,
                        known,
                        values,
                        errors));
    }

    private FeedsPage.Row row(FeedView f) {
        return new FeedsPage.Row(
                f.id().toString(),
                f.sourceName(),
                f.boat(),
                f.url(),
                f.intervalMinutes() == 1440 ? "every day" : "every " + f.intervalMinutes() + " minutes",
                f.autoCancel() ? "cancels a booking its feed drops" : "flags a booking its feed drops",
                f.lastPolledAt().map(this::when).orElse("not yet"),
                f.lastOkAt().map(this::when).orElse("never"),
                f.lastError(),
                f.events()
                        .map(n -> n == 1 ? "1 event ahead" : n + " events ahead")
                        .orElse("no good poll yet"),
                f.failing(),
                when(f.nextPollAt()));
    }

    private String when(Instant at) {
        return at.atZone(marina).format(WHEN);
    }

    private static String field(Context ctx, String name) {
        return Objects.requireNonNullElse(Forms.field(ctx, name), "").strip();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
