package io.chartersync.guestpage;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.Hashes;
import io.chartersync.common.OperatorContact;
import io.chartersync.db.TaskQueue;
import io.chartersync.storage.BlobStore;
import io.chartersync.storage.CdnInvalidator;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Renders a booking's guest page and its calendar file, publishes them as {@code g/<slug>.html} and
 * {@code g/<slug>/calendar.ics}, then asks the CDN to forget {@code /g/<slug>.html} and {@code /g/<slug>}.
 * Publishes of one page take turns (its row is locked), so a new photo and a reschedule never overwrite
 * each other with an older page. Publishing again with the same content is harmless.
 */
final class GuestPageService implements GuestPagePort {
    /**
     * Browsers revalidate on every visit (an ETag makes that a 304), so a guest who just added a photo sees it;
     * a shared cache (the CDN) may keep the page a minute, and every publish invalidates it there anyway.
     */
    static final String PAGE_CACHE = "public, max-age=0, s-maxage=60, must-revalidate";
    /** Uploads close this long after the trip ends. */
    static final Duration UPLOADS_AFTER_TRIP = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final BlobStore blobs;
    private final CdnInvalidator cdn;
    private final TemplateEngine templates;
    private final Slugs slugs;
    private final PageStore pages;
    private final PhotoStore photos;
    private final BoatStore boats;
    private final UploadTokens uploadTokens;
    private final URI publicBaseUrl;
    private final Clock clock;
    private final TaskQueue tasks;
    private final String contentSecurityPolicy;
    /** Runs right after a page object is written, before its row is updated (a test's fault point). */
    private final Runnable pageWritten;

    private final GuestNotices notices;
    private final OperatorContact.Source operator;

    GuestPageService(
            Jdbi jdbi,
            PageStore pages,
            PhotoStore photos,
            BoatStore boats,
            BlobStore blobs,
            CdnInvalidator cdn,
            TemplateEngine templates,
            Slugs slugs,
            UploadTokens uploadTokens,
            URI publicBaseUrl,
            TaskQueue tasks,
            Clock clock,
            Runnable pageWritten,
            GuestNotices notices,
            OperatorContact.Source operator) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.photos = photos;
        this.boats = boats;
        this.blobs = blobs;
        this.cdn = cdn;
        this.templates = templates;
        this.slugs = slugs;
        this.uploadTokens = uploadTokens;
        this.publicBaseUrl = publicBaseUrl;
        this.tasks = tasks;
        this.clock = clock;
        this.pageWritten = pageWritten;
        this.notices = notices;
        this.operator = operator;
        this.contentSecurityPolicy = GuestSecurity.contentSecurityPolicy(uploadOrigin(blobs));
    }

    /**
     * Exactly one page per booking, even if the process dies mid-publish: the slug is drawn and committed
     * first, before anything is published, so a retry after a crash finds it and writes the same object
     * again (a slug drawn in the publishing transaction would be lost with it, and the retry would leave
     * the first page online under a slug nobody knows). Then, in a second transaction, the row is locked,
     * the objects written and the row updated.
     */
    @Override
    public String publish(PageRequest r) {
        String slug = jdbi.inTransaction(h -> slugFor(h, r));
        jdbi.useTransaction(h -> {
            Optional<PageRequest> before = pages.lock(h, slug).flatMap(PageStore.Page::data);
            write(h, slug, r);
            // The guest hears of it in the same transaction that records what the page now shows.
            notices.queue(h, before, r, pageUrl(slug));
        });
        return pageUrl(slug);
    }

    /** Publishes the page again from what it last showed (a new list of what to bring, say). */
    void republish(String slug) {
        jdbi.useTransaction(h -> republish(h, slug));
    }

    /** The same, in the caller's transaction (a photo joins the gallery and the page shows it, or neither). */
    void republish(Handle h, String slug) {
        pages.lock(h, slug).flatMap(PageStore.Page::data).ifPresent(r -> write(h, slug, r));
    }

    /** The response headers every guest page and photo is served with (CSP, nosniff, referrer, noindex). */
    Map<String, String> securityHeaders() {
        return GuestSecurity.headers(contentSecurityPolicy);
    }

    private void write(Handle h, String slug, PageRequest r) {
        Instant endsAt = endsAt(r);
        GuestView view = view(h, slug, r.withoutAddress(), endsAt);
        StringOutput html = new StringOutput();
        templates.render("guestpage/page.jte", new GuestPage(view, contentSecurityPolicy), html);
        String etag = blobs.put(
                "g/" + slug + ".html",
                html.toString().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                PAGE_CACHE);
        pageWritten.run();
        String ics =
                GuestCalendar.render(view, pageUrl(slug), publicBaseUrl.getHost(), r.bookingVersion(), clock.instant());
        String icsTag = blobs.put(
                "g/" + slug + "/calendar.ics",
                ics.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=utf-8",
                PAGE_CACHE);
        // The same content gives the same reference, so a retried publish does not invalidate twice.
        cdn.invalidate(
                List.of("/g/" + slug + ".html", "/g/" + slug, "/g/" + slug + "/calendar.ics"),
                Hashes.sha256Hex(slug + ":" + etag + ":" + icsTag).substring(0, 40));
        pages.recordPublished(h, slug, r.withoutAddress(), endsAt, etag);
        if (view.uploadsOpen()) {
            new CloseUploadsTask(slug, endsAt.plus(UPLOADS_AFTER_TRIP)).schedule(tasks, h);
        }
    }

    private GuestView view(Handle h, String slug, PageRequest r, Instant endsAt) {
        List<GuestView.GalleryPhoto> gallery = photos.findReady(h, slug).stream()
                .map(p -> new GuestView.GalleryPhoto(
                        publicBaseUrl + "/" + p.thumbKey().orElseThrow(),
                        publicBaseUrl + "/" + p.displayKey().orElseThrow(),
                        p.thumbWidth(),
                        p.thumbHeight()))
                .toList();
        Optional<BoatStore.Stored> boat = boats.find(h, r.boat());
        return new GuestView(
                slug,
                r.boat(),
                r.start().atZone(r.timeZone()),
                r.durationHours(),
                r.location(),
                r.guestName(),
                r.partySize(),
                r.guestNote(),
                r.cancelled(),
                boat.flatMap(BoatStore.Stored::whatToBring).orElse(BoatProfiles.DEFAULT_WHAT_TO_BRING),
                gallery,
                uploadsOpen(r.cancelled(), endsAt, clock.instant()),
                operator.current(),
                new GuestView.Links(
                        publicBaseUrl + "/g/" + slug + "/calendar.ics",
                        publicBaseUrl + "/g/presign",
                        publicBaseUrl + "/g/" + slug + "/photos",
                        uploadTokens.tokenFor(slug),
                        GuestScript.cspHash()),
                boat.flatMap(b -> b.meetingPoint().map(m -> new GuestView.Meeting(m, b.mapUrl()))));
    }

    /** Uploads are open until 30 days after the trip, unless the charter is cancelled. */
    static boolean uploadsOpen(boolean cancelled, Instant endsAt, Instant now) {
        return !cancelled && now.isBefore(endsAt.plus(UPLOADS_AFTER_TRIP));
    }

    static Instant endsAt(PageRequest r) {
        long seconds = r.durationHours().multiply(BigDecimal.valueOf(3600)).longValue();
        return r.start().atZone(r.timeZone()).toInstant().plusSeconds(seconds);
    }

    private String pageUrl(String slug) {
        return publicBaseUrl + "/g/" + slug + "/";
    }

    private String slugFor(Handle h, PageRequest r) {
        var existing = pages.findSlug(h, r.bookingId());
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String slug = slugs.next(r.start().toLocalDate(), r.source());
            if (pages.insert(h, r.bookingId(), slug)) {
                return slug;
            }
        }
        throw new IllegalStateException("could not find a free slug for booking " + r.bookingId());
    }

    /** Where browsers send uploads (the bucket's origin in S3 mode), for the page's CSP connect-src. */
    private static String uploadOrigin(BlobStore blobs) {
        URI probe = blobs.presignUpload("uploads/origin-probe/x", "image/jpeg", 1, Duration.ofMinutes(1))
                .url();
        return probe.getScheme() + "://" + probe.getRawAuthority();
    }
}
