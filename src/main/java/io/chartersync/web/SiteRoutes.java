package io.chartersync.web;

import io.chartersync.common.AppException;
import io.chartersync.storage.Blob;
import io.chartersync.storage.BlobStore;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the published guest site from the {@link BlobStore} exactly as the CDN serves the bucket:
 * {@code /g/<slug>/} and {@code /g/<slug>} both answer object {@code g/<slug>.html}.
 */
public final class SiteRoutes implements RouteModule {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9-]{3,80}$");
    private final BlobStore store;

    public SiteRoutes(BlobStore store) {
        this.store = store;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/g/{slug}", this::page);
        routes.head("/g/{slug}", this::page);
    }

    private void page(Context ctx) {
        String slug = ctx.pathParam("slug");
        Optional<Blob> blob = SLUG.matcher(slug).matches() ? store.get("g/" + slug + ".html") : Optional.empty();
        if (blob.isEmpty()) {
            throw new AppException.NotFound("guest page", slug);
        }
        Blob page = blob.get();
        SecurityHeaders.guestPage(ctx);
        ctx.header("ETag", page.etag()).header("Cache-Control", page.cacheControl());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(page.contentType()).result(page.bytes());
    }
}
