package io.chartersync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.AppException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become problem+json answers. */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.exception(AppException.class, (e, ctx) -> {
            if (e instanceof AppException.TooManyRequests tooMany) {
                ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
            }
            write(ctx, toProblem(e));
        });
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(ctx, Problem.of(e.getStatus(), Problem.title(e.getStatus()), detailOf(e))));
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allow = allowed(e);
            ctx.header("Allow", allow);
            write(
                    ctx,
                    Problem.of(
                            405,
                            "Method Not Allowed",
                            ctx.method() + " is not allowed on " + ctx.path() + "; it takes " + allow + "."));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (ClientAborts.isAbort(e)) {
                ClientAborts.record(ctx);
                return;
            }
            if (DatabaseUnavailable.causedBy(e)) {
                ctx.header("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                write(ctx, DatabaseUnavailable.problem(e, ctx.method().name(), HttpServer.route(ctx)));
                return;
            }
            // The route's pattern, never the path: paths carry link tokens and slugs (/m/{token}).
            log.error("Unhandled error on {} {}", ctx.method(), HttpServer.route(ctx), e);
            write(ctx, Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
        });
        routes.error(404, "*", ctx -> {
            // A page a handler rendered on purpose (an unknown magic link, for a person) stays a page.
            String type = ctx.res().getContentType();
            if (!Problem.CONTENT_TYPE.equals(type) && (type == null || !type.startsWith("text/html"))) {
                write(ctx, Problem.of(404, "Not Found", "No resource at " + ctx.path()));
            }
        });
        routes.error(405, "*", ctx -> {
            // The MethodNotAllowedResponse handler above has written the problem with its Allow list.
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                write(ctx, Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    static Problem toProblem(AppException e) {
        return switch (e) {
            case AppException.InvalidInput invalid ->
                new Problem("about:blank", "Invalid input", 400, invalid.getMessage(), invalid.errors());
            case AppException.NotFound notFound -> Problem.of(404, "Not Found", notFound.getMessage());
            case AppException.Unauthorized unauthorized -> Problem.of(401, "Unauthorized", unauthorized.getMessage());
            case AppException.Conflict conflict -> Problem.of(409, "Conflict", conflict.getMessage());
            case AppException.Gone gone -> Problem.of(410, "Gone", gone.getMessage());
            case AppException.Forbidden forbidden -> Problem.of(403, "Forbidden", forbidden.getMessage());
            case AppException.TooManyRequests tooMany -> Problem.of(429, "Too Many Requests", tooMany.getMessage());
        };
    }

    void write(Context ctx, Problem problem) {
        try {
            if (problem.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a problem document", e);
        }
    }

    /** The methods the path takes, as Javalin found them, sorted: {@code DELETE, GET, PUT}. */
    private static String allowed(MethodNotAllowedResponse e) {
        return e.getDetails().values().stream()
                .flatMap(methods -> Arrays.stream(methods.split(",")))
                .map(String::strip)
                .filter(m -> !m.isEmpty())
                .sorted()
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String detailOf(HttpResponseException e) {
        if (e.getStatus() == 413 && (e.getMessage() == null || !e.getMessage().startsWith("The request body"))) {
            return "The request body is larger than the limit of 1 MiB.";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? Problem.title(e.getStatus()) : e.getMessage();
    }
}
