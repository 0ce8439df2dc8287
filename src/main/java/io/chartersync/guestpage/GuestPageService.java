package io.chartersync.guestpage;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.TokenGenerator;
import io.chartersync.storage.BlobStore;
import io.chartersync.storage.CdnInvalidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Renders a booking's guest page and publishes it as {@code g/<slug>.html}, then asks the CDN to forget
 * {@code /g/<slug>.html} and {@code /g/<slug>}. Publishing again with the same content is harmless.
 */
public final class GuestPageService implements GuestPagePort {
    static final String CACHE_CONTROL = "public, max-age=60, must-revalidate";
    private final Jdbi jdbi;
    private final BlobStore store;
    private final CdnInvalidator cdn;
    private final TemplateEngine templates;
    private final Slugs slugs;
    private final URI publicBaseUrl;

    public GuestPageService(
            Jdbi jdbi,
            BlobStore store,
            CdnInvalidator cdn,
            TemplateEngine templates,
            TokenGenerator random,
            URI publicBaseUrl) {
        this.jdbi = jdbi;
        this.store = store;
        this.cdn = cdn;
        this.templates = templates;
        this.slugs = new Slugs(random);
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String publish(PageRequest r) {
        String slug = jdbi.inTransaction(h -> slugFor(h, r));
        GuestView view = new GuestView(
                slug,
                r.boat(),
                r.start().atZone(r.timeZone()),
                r.durationHours(),
                r.location(),
                r.guestName(),
                r.partySize(),
                r.guestNote(),
                r.cancelled());
        StringOutput html = new StringOutput();
        templates.render("guestpage/page.jte", view, html);
        String etag = store.put(
                "g/" + slug + ".html",
                html.toString().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                CACHE_CONTROL);
        cdn.invalidate(
                List.of("/g/" + slug + ".html", "/g/" + slug), r.bookingId() + ":v" + r.bookingVersion() + ":" + etag);
        jdbi.useHandle(h -> h.createUpdate(
                        "update guest_page set published_version = :v, etag = :etag, cancelled = :cancelled, updated_at = now() where booking_id = :b")
                .bind("v", r.bookingVersion())
                .bind("etag", etag)
                .bind("cancelled", r.cancelled())
                .bind("b", r.bookingId())
                .execute());
        return publicBaseUrl + "/g/" + slug + "/";
    }

    private String slugFor(Handle h, PageRequest r) {
        Optional<String> existing = h.createQuery("select slug from guest_page where booking_id = :b")
                .bind("b", r.bookingId())
                .mapTo(String.class)
                .findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String slug = slugs.next(r.start().toLocalDate(), r.source());
            int rows = h.createUpdate(
                            "insert into guest_page (booking_id, slug) values (:b, :slug) on conflict do nothing")
                    .bind("b", r.bookingId())
                    .bind("slug", slug)
                    .execute();
            if (rows == 1) {
                return slug;
            }
        }
        throw new IllegalStateException("could not find a free slug for booking " + r.bookingId());
    }
}
