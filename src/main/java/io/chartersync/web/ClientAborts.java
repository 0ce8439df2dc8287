package io.chartersync.web;

import io.javalin.http.Context;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that closes the connection before its whole request arrived (Jetty's "Early EOF"): nothing the
 * server did wrong and nobody to answer. Logged as one DEBUG line, without a stack trace, and counted with
 * status {@value #STATUS} ("client closed request"), never as a 500.
 */
final class ClientAborts {
    static final int STATUS = 499;
    private static final Logger log = LoggerFactory.getLogger(ClientAborts.class);
    private static final int MAX_CAUSES = 16;

    private ClientAborts() {}

    /** A body read that failed because the client went away; {@link #isAbort} recognises it by its cause. */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted(Throwable cause) {
            super("the client closed the connection in the middle of the request", cause);
        }
    }

    /** True if {@code failure}, or anything that caused it, says the client went away mid-request. */
    static boolean isAbort(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    /** Records the abort on {@code ctx}: status 499, no body (there is no one to read it). */
    static void record(Context ctx) {
        log.debug(
                "{} {}: the client closed the connection before the whole request arrived",
                ctx.method(),
                ctx.endpoints().lastHttpEndpoint() == null
                        ? "(unmatched)"
                        : ctx.endpoints().lastHttpEndpoint().path);
        ctx.status(STATUS).result("");
    }
}
