package io.chartersync.guestpage;

/** The page a guest sees after uploading without JavaScript. */
public record UploadResult(String state, String reason, String pageUrl, String thumbnailUrl) {
    public boolean pending() {
        return state.equals("pending");
    }

    public boolean ready() {
        return state.equals("ready");
    }
}
