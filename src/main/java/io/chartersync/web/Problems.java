package io.chartersync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.AppException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become problem+json answers. */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request",
            401, "Unauthorized",
            404, "Not Found",
            405, "Method Not Allowed",
            409, "Conflict",
            410, "Gone",
            413, "Content Too Large",
            415, "Unsupported Media Type",
            501, "Not Implemented",
            503, "Service Unavailable");

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.exception(AppException.class, (e, ctx) -> write(ctx, toProblem(e)));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(ctx, Problem.of(e.getStatus(), title(e.getStatus()), detailOf(e))));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path().replaceAll("^/m/[^/]+", "/m/[token]"), e);
            write(ctx, Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
        });
        routes.error(404, "*", ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                write(ctx, Problem.of(404, "Not Found", "No resource at " + ctx.path()));
            }
        });
        routes.error(
                405,
                "*",
                ctx -> write(
                        ctx, Problem.of(405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path())));
    }

    static Problem toProblem(AppException e) {
        return switch (e) {
            case AppException.InvalidInput invalid ->
                new Problem("about:blank", "Invalid input", 400, invalid.getMessage(), invalid.errors());
            case AppException.NotFound notFound -> Problem.of(404, "Not Found", notFound.getMessage());
            case AppException.Unauthorized unauthorized -> Problem.of(401, "Unauthorized", unauthorized.getMessage());
            case AppException.Conflict conflict -> Problem.of(409, "Conflict", conflict.getMessage());
            case AppException.Gone gone -> Problem.of(410, "Gone", gone.getMessage());
            case AppException.NotImplemented later -> Problem.of(501, "Not Implemented", later.getMessage());
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

    private static String title(int status) {
        return TITLES.getOrDefault(status, "Error");
    }

    private static String detailOf(HttpResponseException e) {
        if (e.getStatus() == 413) {
            return "The request body is larger than the limit of 1 MiB.";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? title(e.getStatus()) : e.getMessage();
    }
}
