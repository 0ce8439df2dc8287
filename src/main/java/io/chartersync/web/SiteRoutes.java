package io.chartersync.web;

import io.chartersync.common.AppException;
import io.chartersync.storage.Blob;
import io.chartersync.storage.BlobStore;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the published guest site from the {@link BlobStore} exactly as the CDN serves the bucket:
 * {@code /g/<slug>/} and {@code /g/<slug>} both answer object {@code g/<slug>.html}; the page's calendar
 * file and photos are objects at their own paths. A malformed slug or file name answers 404 without
 * reading the blobs. ETag and {@code If-None-Match} give 304; bodies are gzipped when the client accepts it.
 */
public final class SiteRoutes implements RouteModule {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9-]{3,80}$");
    private static final Pattern PHOTO = Pattern.compile("^[0-9a-f]{64}(-thumb)?\\.jpg$");
    private final BlobStore blobs;
    private final Map<String, String> pageHeaders;

    /** {@code pageHeaders}: what every guest page and photo is served with (its CSP, nosniff…). */
    public SiteRoutes(BlobStore blobs, Map<String, String> pageHeaders) {
        this.blobs = blobs;
        this.pageHeaders = Map.copyOf(pageHeaders);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/g/{slug}", ctx -> serve(ctx, slug(ctx).map(s -> "g/" + s + ".html")));
        routes.head("/g/{slug}", ctx -> serve(ctx, slug(ctx).map(s -> "g/" + s + ".html")));
        routes.get("/g/{slug}/calendar.ics", ctx -> serve(ctx, slug(ctx).map(s -> "g/" + s + "/calendar.ics")));
        routes.get("/g/{slug}/photos/{file}", ctx -> serve(ctx, photo(ctx)));
        routes.head("/g/{slug}/photos/{file}", ctx -> serve(ctx, photo(ctx)));
    }

    private static Optional<String> slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        return SLUG.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    private static Optional<String> photo(Context ctx) {
        String file = ctx.pathParam("file");
        return slug(ctx).filter(s -> PHOTO.matcher(file).matches()).map(s -> "g/" + s + "/photos/" + file);
    }

    private void serve(Context ctx, Optional<String> key) {
        Optional<Blob> blob = key.flatMap(blobs::get);
        if (blob.isEmpty()) {
            throw new AppException.NotFound("guest page", ctx.path());
        }
        Blob object = blob.get();
        pageHeaders.forEach(ctx::header);
        ctx.header("ETag", object.etag()).header("Cache-Control", object.cacheControl());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(object.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(object.contentType()).result(object.bytes());
    }
}
