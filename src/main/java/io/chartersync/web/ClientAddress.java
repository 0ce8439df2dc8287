package io.chartersync.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who a request comes from, for per-address limits. By default the connection's remote address. Behind a
 * proxy or CDN every request comes from the proxy, so {@code CLIENT_ADDRESS_HEADER} may name a header the
 * proxy sets ({@code CloudFront-Viewer-Address}, {@code X-Forwarded-For}): its rightmost entry, the one the
 * proxy itself added, is taken (a client can put anything to the left). Only set it when the program is
 * reachable through that proxy alone, or clients could pick their own address.
 */
public final class ClientAddress {
    private final Optional<String> header;

    public ClientAddress(Optional<String> header) {
        this.header = header;
    }

    public String of(Context ctx) {
        return header.flatMap(name -> Optional.ofNullable(ctx.header(name))
                        .flatMap(value -> name.equalsIgnoreCase(CLOUDFRONT) ? viewer(value) : rightmost(value)))
                .orElseGet(() -> ctx.req().getRemoteAddr());
    }

    private static final String CLOUDFRONT = "CloudFront-Viewer-Address";

    /**
     * CloudFront's {@code CloudFront-Viewer-Address} always ends in {@code :port}, an IPv6 address without
     * brackets ({@code 2001:db8::1:46532}): everything before the last colon.
     */
    static Optional<String> viewer(String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        return colon > 0 ? Optional.of(v.substring(0, colon)) : Optional.empty();
    }

    /** The rightmost address of a header value, without its port: "203.0.113.9", "2001:db8::1". */
    static Optional<String> rightmost(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String last = value.substring(value.lastIndexOf(',') + 1).strip();
        if (last.startsWith("[")) {
            int end = last.indexOf(']');
            return end > 1 ? Optional.of(last.substring(1, end)) : Optional.empty();
        }
        int colons = last.length() - last.replace(":", "").length();
        if (colons == 1) {
            last = last.substring(0, last.indexOf(':'));
        }
        return last.isEmpty() ? Optional.empty() : Optional.of(last);
    }
}
