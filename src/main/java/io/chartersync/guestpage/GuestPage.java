package io.chartersync.guestpage;

/** What the guest page template renders (public: the template reads it): the view and the page's CSP. */
public record GuestPage(GuestView view, String contentSecurityPolicy) {
    public String script() {
        return GuestScript.text();
    }
}
