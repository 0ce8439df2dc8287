package io.chartersync.calendar;

import io.chartersync.common.AppException;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** The seed calendar API: {@code POST /calendar}, {@code GET /calendar/{id}}, {@code GET /calendar?from&to}. */
public final class CalendarRoutes implements RouteModule {
  private final Guard operator;
  private final JsonBodies bodies;
  private final CalendarService calendar;
  private final EntryParser parser;

  public CalendarRoutes(Guard operator, JsonBodies bodies, CalendarService calendar) {
    this.operator = operator;
    this.bodies = bodies;
    this.calendar = calendar;
    this.parser = new EntryParser(calendar.marinaZone());
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/calendar", operator.protect(this::create));
    routes.get("/calendar", operator.protect(this::range));
    routes.get("/calendar/{id}", operator.protect(ctx -> ctx.json(calendar.get(id(ctx)))));
  }

  private void create(Context ctx) {
    UUID id = calendar.create(parser.parse(bodies.object(ctx)));
    ctx.header("Location", "/calendar/" + id).status(201).json(Map.of("id", id.toString()));
  }

  private void range(Context ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (to.isBefore(from)) {
      throw AppException.InvalidInput.of("to", "must not be before from");
    }
    if (from.plusDays(400).isBefore(to)) {
      throw AppException.InvalidInput.of("to", "the range may span at most 400 days");
    }
    ctx.json(Map.of("entries", calendar.between(from, to)));
  }

  private static LocalDate date(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw AppException.InvalidInput.of(name, "is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw AppException.InvalidInput.of(name, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new AppException.NotFound("calendar entry", ctx.pathParam("id"));
    }
  }
}
