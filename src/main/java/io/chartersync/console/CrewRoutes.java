package io.chartersync.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.common.AppException;
import io.chartersync.crew.CrewMember;
import io.chartersync.crew.Roster;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Crew pages: the roster ({@code GET /crew}), adding a member ({@code GET /crew/new}, {@code POST /crew}),
 * a member's form with their upcoming charters ({@code GET /crew/{id}}, {@code POST /crew/{id}}), and
 * deactivating or reactivating them ({@code POST /crew/{id}/deactivate}, {@code /reactivate}). The rules and
 * audit entries are those of {@code PUT /api/crew/{id}} ({@link Roster}); members are never deleted.
 */
final class CrewRoutes implements RouteModule {
    private static final Map<String, String> LABELS =
            Map.of("name", "Name", "id", "Id", "email", "Email", "roles", "Roles", "phone", "Phone");
    private static final List<String> FIELDS = List.of("name", "id", "email", "roles", "phone");

    private final Pages pages;
    private final Roster roster;

    CrewRoutes(Pages pages, Roster roster) {
        this.pages = pages;
        this.roster = roster;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/crew", pages.page(this::list));
        routes.get("/crew/new", pages.page(this::newForm));
        routes.post("/crew", pages.form(this::add));
        routes.get("/crew/{id}", pages.page(this::show));
        routes.post("/crew/{id}", pages.form(this::save));
        routes.post("/crew/{id}/deactivate", pages.form((ctx, user) -> setActive(ctx, user, false)));
        routes.post("/crew/{id}/reactivate", pages.form((ctx, user) -> setActive(ctx, user, true)));
    }

    private void list(Context ctx, SignedIn user) {
        pages.render(
                ctx, "console/crew.jte", new CrewPages.Roster(pages.shell("Crew", user, Section.CREW), roster.all()));
    }

    private void newForm(Context ctx, SignedIn user) {
        renderForm(ctx, user, Optional.empty(), Map.of(), FieldErrors.none(), Optional.empty());
    }

    private void add(Context ctx, SignedIn user) {
        Map<String, String> values = values(ctx);
        String typed = values.get("id");
        String id = typed.isEmpty() ? freeId(values.get("name")) : typed;
        try {
            roster.add(id, body(values), user.actor());
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            renderForm(ctx, user, Optional.empty(), values, errors(e), Optional.empty());
            return;
        }
        ctx.redirect("/crew/" + id + "?saved=added", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, SignedIn user) {
        Optional<CrewMember> member = roster.find(ctx.pathParam("id"));
        if (member.isEmpty()) {
            pages.notFound(ctx, user, "crew member with this id");
            return;
        }
        CrewMember m = member.get();
        Map<String, String> values = Map.of(
                "name", m.name(),
                "id", m.id(),
                "email", m.email(),
                "roles", String.join(", ", m.roles()),
                "phone", m.phone().orElse(""));
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("saved")).map(s -> switch (s) {
            case "added" -> m.name() + " is on the roster.";
            case "deactivated" ->
                m.name() + " is deactivated: they stay on their charters but cannot be put on new ones.";
            case "reactivated" -> m.name() + " is active again.";
            default -> "Saved.";
        });
        renderForm(ctx, user, member, values, FieldErrors.none(), notice);
    }

    private void save(Context ctx, SignedIn user) {
        Optional<CrewMember> member = roster.find(ctx.pathParam("id"));
        if (member.isEmpty()) {
            pages.notFound(ctx, user, "crew member with this id");
            return;
        }
        Map<String, String> values = values(ctx);
        values.put("id", member.get().id());
        try {
            roster.update(member.get().id(), body(values), user.actor());
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            renderForm(ctx, user, member, values, errors(e), Optional.empty());
            return;
        }
        ctx.redirect("/crew/" + member.get().id() + "?saved=saved", HttpStatus.SEE_OTHER);
    }

    private void setActive(Context ctx, SignedIn user, boolean active) {
        Optional<CrewMember> member = roster.find(ctx.pathParam("id"));
        if (member.isEmpty()) {
            pages.notFound(ctx, user, "crew member with this id");
            return;
        }
        roster.setActive(member.get().id(), active, user.actor());
        ctx.redirect(
                "/crew/" + member.get().id() + "?saved=" + (active ? "reactivated" : "deactivated"),
                HttpStatus.SEE_OTHER);
    }

    private void renderForm(
            Context ctx,
            SignedIn user,
            Optional<CrewMember> member,
            Map<String, String> values,
            FieldErrors errors,
            Optional<String> notice) {
        List<CrewPages.Charter> charters = member.map(m -> roster.upcoming(m.id()).stream()
                        .map(CrewRoutes::charter)
                        .toList())
                .orElse(List.of());
        String title = member.map(CrewMember::name).orElse("Add a crew member");
        pages.render(
                ctx,
                "console/crew-member.jte",
                new CrewPages.Form(pages.shell(title, user, Section.CREW), member, values, errors, charters, notice));
    }

    private static CrewPages.Charter charter(Roster.Charter c) {
        String answer = BookingSummary.Answer.of(c.answer()).label();
        return new CrewPages.Charter(
                Times.span(c.startsAt(), c.endsAt()),
                c.boat() == null || c.boat().isBlank() ? "No boat" : c.boat(),
                c.role(),
                answer,
                "answer-" + answer,
                c.bookingId().map(id -> "/bookings/" + id));
    }

    /** The form's fields, stripped ("" for one not sent). */
    private static Map<String, String> values(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : FIELDS) {
            values.put(
                    name, Objects.requireNonNullElse(Forms.field(ctx, name), "").strip());
        }
        return values;
    }

    /** The form as the body of {@code PUT /api/crew/{id}}: roles are the comma-separated names. */
    private static ObjectNode body(Map<String, String> values) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", values.get("name"));
        body.put("email", values.get("email"));
        var roles = body.putArray("roles");
        Arrays.stream(values.get("roles").split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .forEach(roles::add);
        if (!values.get("phone").isEmpty()) {
            body.put("phone", values.get("phone"));
        }
        return body;
    }

    private static FieldErrors errors(AppException.InvalidInput e) {
        return FieldErrors.of(e.errors(), f -> f.startsWith("roles[") ? "roles" : f, LABELS);
    }

    /** An id made from the name ("Ana María" → ana-maria), with -2, -3… when taken. */
    private String freeId(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() > 56) {
            base = base.substring(0, 56).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "member";
        }
        String id = base;
        for (int n = 2; roster.find(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
