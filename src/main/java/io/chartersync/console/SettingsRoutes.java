package io.chartersync.console;

import io.chartersync.calendar.FeedTokens;
import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import io.chartersync.web.Forms;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Settings page, for owners only ({@code GET /settings}, {@code POST /settings}): the operator's contact
 * shown on every guest page and guest email (stored in the database, over the environment's {@code OPERATOR_*}
 * settings: {@link OperatorSettings}), the calendar feed's URL, and the console's users ({@code POST
 * /settings/users}, {@code /settings/users/reset}, {@code /settings/users/remove}) through {@link Accounts}, as
 * the {@code users} command does; here also: nobody removes themselves, and the last owner stays.
 */
final class SettingsRoutes implements RouteModule {
    private static final Map<String, String> CONTACT_LABELS =
            Map.of("name", "Name", "phone", "Phone", "email", "Email");
    private static final Map<String, String> USER_LABELS = Map.of("user_email", "Email", "role", "Role");

    private final Pages pages;
    private final OperatorSettings settings;
    private final Accounts accounts;
    private final FeedTokens feeds;
    private final URI publicBaseUrl;

    SettingsRoutes(Pages pages, OperatorSettings settings, Accounts accounts, FeedTokens feeds, URI publicBaseUrl) {
        this.pages = pages;
        this.settings = settings;
        this.accounts = accounts;
        this.feeds = feeds;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/settings", pages.ownerPage(this::show));
        routes.post("/settings", pages.ownerForm(this::saveContact));
        routes.post("/settings/users", pages.ownerForm(this::addUser));
        routes.post("/settings/users/reset", pages.ownerForm(this::resetUser));
        routes.post("/settings/users/remove", pages.ownerForm(this::removeUser));
    }

    private void show(Context ctx, SignedIn user) {
        Optional<String> notice = Optional.ofNullable(ctx.queryParam("saved")).map(s -> switch (s) {
            case "contact" -> "Saved. Guest pages and emails made from now on show this contact.";
            case "removed" -> "The user was removed; their sessions have ended.";
            default -> "Saved.";
        });
        render(ctx, user, storedContact(), FieldErrors.none(), Map.of(), FieldErrors.none(), notice, Optional.empty());
    }

    private void saveContact(Context ctx, SignedIn user) {
        Map<String, String> contact =
                Map.of("name", field(ctx, "name"), "phone", field(ctx, "phone"), "email", field(ctx, "email"));
        try {
            settings.save(contact.get("name"), contact.get("phone"), contact.get("email"), user.actor());
        } catch (AppException.InvalidInput e) {
            ctx.status(400);
            render(
                    ctx,
                    user,
                    contact,
                    FieldErrors.of(e.errors(), f -> f, CONTACT_LABELS),
                    Map.of(),
                    FieldErrors.none(),
                    Optional.empty(),
                    Optional.empty());
            return;
        }
        ctx.redirect("/settings?saved=contact", HttpStatus.SEE_OTHER);
    }

    private void addUser(Context ctx, SignedIn user) {
        Map<String, String> newUser = Map.of("user_email", field(ctx, "email"), "role", field(ctx, "role"));
        Optional<Role> role = Role.parse(newUser.get("role"));
        try {
            if (role.isEmpty()) {
                throw AppException.InvalidInput.of("role", "must be owner or dispatcher");
            }
            String token = accounts.add(newUser.get("user_email"), role.get(), user.actor());
            String email = newUser.get("user_email");
            render(
                    ctx,
                    user,
                    storedContact(),
                    FieldErrors.none(),
                    Map.of(),
                    FieldErrors.none(),
                    Optional.of(email + " is added as " + role.get().wire() + "."),
                    Optional.of(link(email, token)));
        } catch (AppException.InvalidInput e) {
            refuseUser(
                    ctx,
                    user,
                    newUser,
                    FieldErrors.of(e.errors(), f -> f.equals("email") ? "user_email" : f, USER_LABELS));
        } catch (AppException.Conflict e) {
            refuseUser(ctx, user, newUser, FieldErrors.of("user_email", "Email", "is already a user of the console"));
        }
    }

    private void resetUser(Context ctx, SignedIn user) {
        String email = field(ctx, "email");
        String token;
        try {
            token = accounts.reset(email, user.actor());
        } catch (AppException.NotFound e) {
            refuse(ctx, user, "There is no user " + email + ".");
            return;
        }
        render(
                ctx,
                user,
                storedContact(),
                FieldErrors.none(),
                Map.of(),
                FieldErrors.none(),
                Optional.of(email + "'s password no longer works, and their sessions have ended."
                        + (email.equalsIgnoreCase(user.email())
                                ? " That includes yours: sign in again after setting it."
                                : "")),
                Optional.of(link(email, token)));
    }

    private void removeUser(Context ctx, SignedIn user) {
        String email = field(ctx, "email");
        List<Account> users = accounts.list();
        Optional<Account> target =
                users.stream().filter(a -> a.email().equalsIgnoreCase(email)).findFirst();
        if (target.isEmpty()) {
            refuse(ctx, user, "There is no user " + email + ".");
            return;
        }
        if (target.get().id().equals(user.userId())) {
            refuse(ctx, user, "You cannot remove yourself: ask another owner.");
            return;
        }
        try {
            accounts.remove(target.get().email(), user.actor());
        } catch (AppException.Conflict lastOwner) {
            // Accounts keeps the last owner (checked with the owners' rows locked).
            refuse(ctx, user, lastOwner.getMessage());
            return;
        }
        ctx.redirect("/settings?saved=removed", HttpStatus.SEE_OTHER);
    }

    private void refuseUser(Context ctx, SignedIn user, Map<String, String> newUser, FieldErrors errors) {
        ctx.status(400);
        render(ctx, user, storedContact(), FieldErrors.none(), newUser, errors, Optional.empty(), Optional.empty());
    }

    /** A refused change of a user: 400, the page with the reason in the users' summary. */
    private void refuse(Context ctx, SignedIn user, String reason) {
        ctx.status(400);
        render(
                ctx,
                user,
                storedContact(),
                FieldErrors.none(),
                Map.of(),
                FieldErrors.of(List.of(new FieldError("", reason)), f -> f, Map.of()),
                Optional.empty(),
                Optional.empty());
    }

    private SettingsPage.OneTimeLink link(String email, String token) {
        return new SettingsPage.OneTimeLink(email, publicBaseUrl + ConsoleModule.setPasswordPath(token));
    }

    private Map<String, String> storedContact() {
        Map<String, String> stored = settings.stored();
        return Map.of(
                "name", stored.getOrDefault(OperatorSettings.NAME, ""),
                "phone", stored.getOrDefault(OperatorSettings.PHONE, ""),
                "email", stored.getOrDefault(OperatorSettings.EMAIL, ""));
    }

    private void render(
            Context ctx,
            SignedIn user,
            Map<String, String> contact,
            FieldErrors contactErrors,
            Map<String, String> newUser,
            FieldErrors userErrors,
            Optional<String> notice,
            Optional<SettingsPage.OneTimeLink> link) {
        pages.render(
                ctx,
                "console/settings.jte",
                new SettingsPage(
                        pages.shell("Settings", user, Section.SETTINGS),
                        contact,
                        contactErrors,
                        settings.defaults(),
                        feedUrl(),
                        accounts.list(),
                        newUser,
                        userErrors,
                        notice,
                        link));
    }

    /** The operator's calendar feed URL; empty when its token was made under another signing key. */
    private Optional<String> feedUrl() {
        try {
            return Optional.of(publicBaseUrl + "/calendar.ics?token=" + feeds.token(Optional.empty()));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String field(Context ctx, String name) {
        return Objects.requireNonNullElse(Forms.field(ctx, name), "").strip();
    }
}
