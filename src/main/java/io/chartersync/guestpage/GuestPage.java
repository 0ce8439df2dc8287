package io.chartersync.guestpage;

/** What the guest page template renders: the view and the page's own Content-Security-Policy. */
public record GuestPage(GuestView view, String contentSecurityPolicy) {
    public String script() {
        return GuestScript.text();
    }
}
