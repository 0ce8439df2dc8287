package io.chartersync.calendar;

import io.chartersync.common.LinkTokens;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only feed tokens: one live token for the whole calendar and one per boat. The token is derived
 * from its id under the server secret and only its SHA-256 is stored; rotating revokes the old one.
 */
public final class FeedTokens {
    private static final String PURPOSE = "calendar-feed";
    private final Jdbi jdbi;
    private final LinkTokens tokens;

    public FeedTokens(Jdbi jdbi, LinkTokens tokens) {
        this.jdbi = jdbi;
        this.tokens = tokens;
    }

    /** What a feed token opens: the whole calendar, or one boat's. */
    record Feed(UUID id, Optional<String> boat) {}

    /** The live token of the feed (creating it on first use). */
    public String token(Optional<String> boat) {
        return jdbi.inTransaction(h -> {
            Optional<UUID> live = h.createQuery(
                            "select id from feed_token where coalesce(boat, '') = :boat and revoked_at is null")
                    .bind("boat", boat.orElse(""))
                    .mapTo(UUID.class)
                    .findOne();
            if (live.isPresent()) {
                return tokens.derive(PURPOSE, live.get());
            }
            UUID id = UUID.randomUUID();
            String token = tokens.derive(PURPOSE, id);
            h.createUpdate("""
                    insert into feed_token (id, boat, token_hash) values (:id, :boat, :hash)
                    on conflict do nothing""")
                    .bind("id", id)
                    .bind("boat", boat.orElse(null))
                    .bind("hash", LinkTokens.hashOf(token))
                    .execute();
            return token;
        });
    }

    /** Revokes the feed's live token and makes a new one; subscribers of the old URL get 404 from now on. */
    public String rotate(Optional<String> boat) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update feed_token set revoked_at = now() where coalesce(boat, '') = :boat and revoked_at is null")
                .bind("boat", boat.orElse(""))
                .execute());
        return token(boat);
    }

    Optional<Feed> find(String token) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, boat from feed_token where token_hash = :hash and revoked_at is null")
                .bind("hash", LinkTokens.hashOf(token))
                .map((rs, ctx) -> new Feed(rs.getObject("id", UUID.class), Optional.ofNullable(rs.getString("boat"))))
                .findOne());
    }
}
