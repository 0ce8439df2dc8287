package io.chartersync.web;

import io.chartersync.common.AppException;
import io.chartersync.common.Hashes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a secret presented in a named header or as {@code Authorization: Bearer}, against a list of
 * SHA-256 hashes (several, so a secret can be rotated), in constant time. The list is fixed, or asked
 * for on every request (so a rotation takes effect without a restart); an empty list refuses everyone.
 */
public final class Guard {
    private final String header;
    private final Supplier<List<String>> hashes;

    public Guard(String header, List<String> hashes) {
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("a guard for " + header + " needs at least one hash");
        }
        List<String> fixed = List.copyOf(hashes);
        this.header = header;
        this.hashes = () -> fixed;
    }

    /** A guard whose accepted hashes are read from {@code hashes} for every request. */
    public Guard(String header, Supplier<List<String>> hashes) {
        this.header = header;
        this.hashes = hashes;
    }

    /** Wraps {@code handler} so it only runs for a caller holding the secret. */
    public Handler protect(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    public void check(Context ctx) {
        String presented = presented(ctx);
        if (presented == null) {
            throw new AppException.Unauthorized("Missing credentials: send " + header + " or Authorization: Bearer");
        }
        if (!Hashes.matchesAny(presented, hashes.get())) {
            throw new AppException.Unauthorized("The credentials in " + header + " or Authorization are not valid");
        }
    }

    /**
     * A name of the credential {@code ctx} presents, for state kept per credential (idempotency keys):
     * the SHA-256 of this guard's header, a label and the credential, so it is neither the credential nor
     * the hash it is checked against. Empty when none is presented; call it after {@link #check}.
     */
    public Optional<String> credentialScope(Context ctx) {
        return Optional.ofNullable(presented(ctx)).map(p -> Hashes.sha256Hex(header + "/scope/" + p));
    }

    private String presented(Context ctx) {
        String direct = ctx.header(header);
        if (direct != null && !direct.isBlank()) {
            return direct.strip();
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
