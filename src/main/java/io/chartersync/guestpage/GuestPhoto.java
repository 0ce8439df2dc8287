package io.chartersync.guestpage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/** One guest upload and what became of it. */
record GuestPhoto(
        UUID id,
        String slug,
        String uploadKey,
        String contentType,
        long size,
        String state,
        Optional<String> reason,
        Optional<String> displayKey,
        Optional<String> thumbKey,
        int thumbWidth,
        int thumbHeight,
        Instant createdAt) {

    static final String COLUMNS = "id, slug, upload_key, content_type, size, state, reason, display_key, thumb_key,"
            + " thumb_width, thumb_height, created_at";

    static GuestPhoto of(ResultSet rs, StatementContext ctx) throws SQLException {
        return new GuestPhoto(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("upload_key"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("display_key")),
                Optional.ofNullable(rs.getString("thumb_key")),
                rs.getInt("thumb_width"),
                rs.getInt("thumb_height"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
