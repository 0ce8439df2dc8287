package io.chartersync.guestpage;

import io.chartersync.common.AppException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Guest photos ({@code guest_photo}) in plain SQL: the only class that reads or writes that table. An upload
 * is inserted pending and leaves that state once, to ready or rejected.
 */
final class PhotoStore {
    private static final String COLUMNS = "id, slug, upload_key, content_type, size, state, reason, display_key,"
            + " thumb_key, thumb_width, thumb_height, created_at";

    void insertPending(Handle h, UUID id, String slug, String uploadKey, ImageType type, long size) {
        h.createUpdate("""
            insert into guest_photo (id, slug, upload_key, content_type, size, state)
            values (:id, :slug, :key, :type, :size, :pending)""")
                .bind("id", id)
                .bind("slug", slug)
                .bind("key", uploadKey)
                .bind("type", type.mediaType())
                .bind("size", size)
                .bind("pending", PhotoState.PENDING)
                .execute();
    }

    /** The upload, or {@link AppException.NotFound} naming it. */
    GuestPhoto get(Handle h, UUID id) {
        return h.createQuery("select " + COLUMNS + " from guest_photo where id = :id")
                .bind("id", id)
                .map(PhotoStore::photo)
                .findOne()
                .orElseThrow(() -> new AppException.NotFound("photo upload", id.toString()));
    }

    /** The page's gallery, oldest first. */
    List<GuestPhoto> findReady(Handle h, String slug) {
        return h.createQuery("select " + COLUMNS
                        + " from guest_photo where slug = :s and state = :ready order by processed_at, id")
                .bind("s", slug)
                .bind("ready", PhotoState.READY)
                .map(PhotoStore::photo)
                .list();
    }

    /**
     * Puts a pending upload in the gallery under {@code displayKey} and {@code thumbKey}; answers false when it
     * was no longer pending (another run of its ingest got there first).
     */
    boolean markReady(
            Handle h, UUID id, String displayKey, String thumbKey, PhotoProcessor.Accepted accepted, Instant at) {
        return h.createUpdate("""
                update guest_photo set state = :ready, display_key = :display, thumb_key = :thumb, width = :w,
                  height = :h, thumb_width = :tw, thumb_height = :th, processed_at = :at
                where id = :id and state = :pending""")
                        .bind("id", id)
                        .bind("ready", PhotoState.READY)
                        .bind("pending", PhotoState.PENDING)
                        .bind("display", displayKey)
                        .bind("thumb", thumbKey)
                        .bind("w", accepted.display().width())
                        .bind("h", accepted.display().height())
                        .bind("tw", accepted.thumbnail().width())
                        .bind("th", accepted.thumbnail().height())
                        .bind("at", at)
                        .execute()
                == 1;
    }

    /** Refuses a pending upload, keeping the reason for its uploader. */
    void markRejected(Handle h, UUID id, String reason, Instant at) {
        h.createUpdate("""
                update guest_photo set state = :rejected, reason = :reason, processed_at = :at
                where id = :id and state = :pending""")
                .bind("id", id)
                .bind("rejected", PhotoState.REJECTED)
                .bind("pending", PhotoState.PENDING)
                .bind("reason", reason)
                .bind("at", at)
                .execute();
    }

    private static GuestPhoto photo(ResultSet rs, StatementContext ctx) throws SQLException {
        return new GuestPhoto(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("upload_key"),
                rs.getString("content_type"),
                rs.getLong("size"),
                PhotoState.ofWire(rs.getString("state")),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("display_key")),
                Optional.ofNullable(rs.getString("thumb_key")),
                rs.getInt("thumb_width"),
                rs.getInt("thumb_height"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
