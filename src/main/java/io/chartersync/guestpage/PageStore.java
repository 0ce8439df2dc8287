package io.chartersync.guestpage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartersync.common.BoatNames;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Guest pages ({@code guest_page}) in plain SQL: each booking's slug and what its page last showed. */
final class PageStore {
    private final ObjectMapper json;

    PageStore(ObjectMapper json) {
        this.json = json;
    }

    /** A page as last published: its slug, the request it rendered, and whether it is cancelled. */
    record Page(
            UUID bookingId,
            String slug,
            Optional<GuestPagePort.PageRequest> data,
            boolean cancelled,
            Optional<Instant> endsAt) {}

    Optional<String> findSlug(Handle h, UUID bookingId) {
        return h.createQuery("select slug from guest_page where booking_id = :b")
                .bind("b", bookingId)
                .mapTo(String.class)
                .findOne();
    }

    boolean insert(Handle h, UUID bookingId, String slug) {
        return h.createUpdate("insert into guest_page (booking_id, slug) values (:b, :slug) on conflict do nothing")
                        .bind("b", bookingId)
                        .bind("slug", slug)
                        .execute()
                == 1;
    }

    /** The page, its row locked until the caller's transaction ends (publishes of one page take turns). */
    Optional<Page> lock(Handle h, String slug) {
        return h.createQuery(
                        "select booking_id, slug, page_data, cancelled, ends_at from guest_page where slug = :s for update")
                .bind("s", slug)
                .map((rs, ctx) -> new Page(
                        rs.getObject("booking_id", UUID.class),
                        rs.getString("slug"),
                        Optional.ofNullable(rs.getString("page_data")).map(this::request),
                        rs.getBoolean("cancelled"),
                        Optional.ofNullable(rs.getObject("ends_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    Optional<Page> find(Handle h, String slug) {
        return h.createQuery(
                        "select booking_id, slug, null as page_data, cancelled, ends_at from guest_page where slug = :s")
                .bind("s", slug)
                .map((rs, ctx) -> new Page(
                        rs.getObject("booking_id", UUID.class),
                        rs.getString("slug"),
                        Optional.empty(),
                        rs.getBoolean("cancelled"),
                        Optional.ofNullable(rs.getObject("ends_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    /** Records what the page now shows, after its objects were written. */
    void recordPublished(Handle h, String slug, GuestPagePort.PageRequest r, Instant endsAt, String etag) {
        h.createUpdate("""
            update guest_page set published_version = :v, etag = :etag, cancelled = :cancelled, page_data = :data,
              ends_at = :ends, updated_at = now()
            where slug = :s""")
                .bind("s", slug)
                .bind("v", r.bookingVersion())
                .bind("etag", etag)
                .bind("cancelled", r.cancelled())
                .bind("data", text(r))
                .bind("ends", endsAt)
                .execute();
    }

    /**
     * The pages of {@code boat} (by {@link BoatNames#key}: their page data names the boat, as written then)
     * whose trips have not ended by {@code now}.
     */
    List<String> upcomingSlugsOf(Handle h, String boat, Instant now) {
        return h
                .createQuery("""
                select slug, page_data::jsonb ->> 'boat' as boat from guest_page
                where page_data is not null and ends_at > :now
                order by ends_at""")
                .bind("now", now)
                .map((rs, ctx) -> BoatNames.same(rs.getString("boat"), boat) ? rs.getString("slug") : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private String text(GuestPagePort.PageRequest r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not store the page data of " + r.bookingId(), e);
        }
    }

    private GuestPagePort.PageRequest request(String text) {
        try {
            return json.readValue(text, GuestPagePort.PageRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored page data is unreadable", e);
        }
    }
}
