package io.chartersync.guestpage;

/** The page a guest sees after uploading without JavaScript (public: the template reads it). */
public record UploadResult(PhotoState state, String reason, String pageUrl, String thumbnailUrl) {
    public boolean pending() {
        return state == PhotoState.PENDING;
    }

    public boolean ready() {
        return state == PhotoState.READY;
    }
}
