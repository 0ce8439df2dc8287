package io.chartersync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before any route runs (a bad request line, a URI too long, headers too large,
 * an ambiguous path), as problem+json like every other answer instead of Jetty's HTML page. Set on the
 * server and on the servlet context, so both layers answer alike.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper json;

    JettyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status, (String) request.getAttribute(ERROR_MESSAGE))), callback);
        return true;
    }

    private byte[] body(int status, String reason) {
        Problem problem = Problem.of(status, Problem.title(status), detail(status, reason));
        try {
            return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a problem document", e);
        }
    }

    /** Our own words per status, with Jetty's reason (never request content) when it says more. */
    private static String detail(int status, String reason) {
        String ours = switch (status) {
            case 414 -> "The request URI is longer than this server takes (8 KiB with the headers).";
            case 431 -> "The request headers are larger than this server takes (8 KiB).";
            case 400 -> "The request is not valid HTTP/1.1.";
            default -> "The server refused the request before reading it.";
        };
        boolean plain = reason != null && !reason.isBlank() && reason.length() <= 80 && reason.matches("[ -~]+");
        return plain ? ours + " (" + reason + ")" : ours;
    }
}
