package io.chartersync.guestpage;

import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.chartersync.common.AppException;
import io.chartersync.common.JsonFields;
import io.chartersync.storage.BlobStore;
import io.chartersync.storage.LocalUploads;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Forms;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.Params;
import io.chartersync.web.RateLimiter;
import io.chartersync.web.RouteModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The photo-upload routes of the guest page. {@code POST /g/presign} signs a direct upload (the seed's
 * route); {@code PUT /uploads/<slug>/<id>} stands in for S3 when blobs are local files; {@code POST
 * /g/uploads/<id>/complete} and {@code GET /g/uploads/<id>} follow an upload; {@code POST /g/<slug>/photos}
 * takes the form without JavaScript and {@code GET /g/<slug>/uploads/<id>} tells that uploader how it went.
 */
final class UploadRoutes implements RouteModule {
    /** Request bodies these routes accept: a photo of at most 25 MiB, plus the form around it. */
    static final long MAX_UPLOAD_BODY = PhotoProcessor.MAX_BYTES + 64 * 1024;

    private static final Pattern UPLOAD_PATH = Pattern.compile("^/uploads/[a-z0-9-]{3,80}/[0-9a-f-]{36}$");
    private final PhotoUploads uploads;
    private final BlobStore blobs;
    private final Optional<LocalUploads> local;
    private final JsonBodies bodies;
    private final TemplateEngine templates;
    private final URI publicBaseUrl;
    private final Map<String, String> securityHeaders;
    private final RateLimiter perAddress;
    private final ClientAddress clients;

    UploadRoutes(
            PhotoUploads uploads,
            BlobStore blobs,
            Optional<LocalUploads> local,
            JsonBodies bodies,
            TemplateEngine templates,
            URI publicBaseUrl,
            Map<String, String> securityHeaders,
            RateLimiter perAddress,
            ClientAddress clients) {
        this.perAddress = perAddress;
        this.clients = clients;
        this.uploads = uploads;
        this.blobs = blobs;
        this.local = local;
        this.bodies = bodies;
        this.templates = templates;
        this.publicBaseUrl = publicBaseUrl;
        this.securityHeaders = Map.copyOf(securityHeaders);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.before("/g/presign", this::limit);
        routes.before("/g/{slug}/photos", this::limit);
        routes.before("/uploads/*", this::limit);
        routes.post("/g/presign", this::presign);
        routes.post("/g/uploads/{id}/complete", this::complete);
        routes.get("/g/uploads/{id}", ctx -> ctx.json(status(uploads.status(id(ctx)))));
        routes.post("/g/{slug}/photos", this::form);
        routes.get("/g/{slug}/uploads/{id}", this::formResult);
        if (local.isPresent()) {
            routes.put("/uploads/{slug}/{id}", this::localPut);
        }
    }

    @Override
    public Map<Pattern, Long> bodyLimits() {
        return Map.of(UPLOAD_PATH, MAX_UPLOAD_BODY, Pattern.compile("^/g/[a-z0-9-]{3,80}/photos$"), MAX_UPLOAD_BODY);
    }

    /** Uploads from one address are limited (the upload token is on a public page): 429 with Retry-After. */
    private void limit(Context ctx) {
        perAddress.acquire("upload:" + clients.of(ctx)).ifPresent(wait -> {
            throw new AppException.TooManyRequests(
                    "Too many uploads from your address; try again in " + wait + " s.", wait);
        });
    }

    /** {@code {"slug", "upload_token", "content_type", "size"}} → how to upload, straight to blob storage. */
    private void presign(Context ctx) {
        JsonFields f = new JsonFields(bodies.object(ctx));
        String slug = f.text("slug", true).orElse("");
        String token = f.text("upload_token", true).orElse("");
        String type = f.text("content_type", true).orElse("");
        long size = f.decimal("size", true).map(java.math.BigDecimal::longValue).orElse(0L);
        f.throwIfAny();
        PhotoUploads.Presigned p = uploads.presign(slug, token, type, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("method", p.target().method());
        answer.put("url", p.target().url().toString());
        answer.put("fields", Map.of());
        answer.put("headers", p.target().headers());
        answer.put("expires_at", p.target().expiresAt().toString());
        answer.put("upload_id", p.id().toString());
        answer.put("complete_url", publicBaseUrl + "/g/uploads/" + p.id() + "/complete");
        answer.put("status_url", publicBaseUrl + "/g/uploads/" + p.id());
        ctx.json(answer);
    }

    private void complete(Context ctx) {
        JsonNode token = bodies.object(ctx).get("upload_token");
        GuestPhoto photo = uploads.complete(id(ctx), token != null && token.isTextual() ? token.asText() : null);
        ctx.status(202).json(status(photo));
    }

    /**
     * The form without JavaScript: a multipart POST with {@code upload_token} and {@code photo}. A browser
     * gets a page, so a refusal (wrong type, too large, uploads closed) is the result page saying why, with
     * the problem's status code.
     */
    private void form(Context ctx) throws IOException {
        Forms.requireForm(ctx, true);
        UploadedFile file = Forms.file(ctx, "photo");
        String token = Forms.field(ctx, "upload_token");
        try {
            receiveForm(ctx, file, token);
        } catch (AppException.InvalidInput | AppException.Gone | AppException.NotFound e) {
            int status = e instanceof AppException.InvalidInput ? 400 : e instanceof AppException.Gone ? 410 : 404;
            ctx.status(status);
            renderResult(
                    ctx, new UploadResult(PhotoState.REJECTED, e.getMessage(), pageUrl(ctx.pathParam("slug")), ""));
        }
    }

    private void receiveForm(Context ctx, UploadedFile file, String token) throws IOException {
        String slug = ctx.pathParam("slug");
        if (file == null) {
            throw AppException.InvalidInput.of("photo", "choose a photo to upload");
        }
        if (file.size() > PhotoProcessor.MAX_BYTES) {
            throw AppException.InvalidInput.of("photo", "must be at most 25 MiB");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        }
        UUID id = uploads.receive(slug, token, file.contentType(), bytes);
        ctx.redirect(publicBaseUrl + "/g/" + slug + "/uploads/" + id, HttpStatus.SEE_OTHER);
    }

    /** How a form upload went, as a page: refreshing itself while the photo is being processed. */
    private void formResult(Context ctx) {
        GuestPhoto photo = uploads.status(id(ctx));
        if (!photo.slug().equals(ctx.pathParam("slug"))) {
            throw new AppException.NotFound("photo upload", photo.id().toString());
        }
        renderResult(
                ctx,
                new UploadResult(
                        photo.state(),
                        photo.reason().orElse(""),
                        pageUrl(photo.slug()),
                        photo.thumbKey().map(k -> publicBaseUrl + "/" + k).orElse("")));
    }

    private void renderResult(Context ctx, UploadResult result) {
        securityHeaders.forEach(ctx::header);
        ctx.header("Cache-Control", "no-store");
        StringOutput out = new StringOutput();
        templates.render("guestpage/upload.jte", result, out);
        ctx.html(out.toString());
    }

    private String pageUrl(String slug) {
        return publicBaseUrl + "/g/" + slug + "/";
    }

    /** The local upload URL (blobs as files): exactly the signed key, type and size, before the expiry. */
    private void localPut(Context ctx) throws IOException {
        String key = "uploads/" + ctx.pathParam("slug") + "/" + ctx.pathParam("id");
        String type = ctx.queryParam("content_type");
        long size = parseLong(ctx.queryParam("size"));
        long expires = parseLong(ctx.queryParam("expires"));
        boolean signed = local.orElseThrow().verify(key, type, size, expires, ctx.queryParam("signature"));
        if (!signed || !type.equals(ctx.contentType()) || ctx.req().getContentLengthLong() != size) {
            throw new AppException.Forbidden(
                    "This upload URL does not allow this request: wrong key, type or size, or it expired.");
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(size + 1, Integer.MAX_VALUE));
        }
        if (bytes.length != size) {
            throw new AppException.Forbidden("The upload's body is not the signed size.");
        }
        blobs.put(key, bytes, type, "private, no-store");
        ctx.status(200);
    }

    private Map<String, Object> status(GuestPhoto photo) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("upload_id", photo.id().toString());
        status.put("state", photo.state().wire());
        photo.reason().ifPresent(r -> status.put("reason", r));
        photo.thumbKey().ifPresent(k -> status.put("thumbnail_url", publicBaseUrl + "/" + k));
        photo.displayKey().ifPresent(k -> status.put("full_url", publicBaseUrl + "/" + k));
        if (photo.thumbKey().isPresent()) {
            status.put("thumbnail_width", photo.thumbWidth());
            status.put("thumbnail_height", photo.thumbHeight());
        }
        return status;
    }

    private static UUID id(Context ctx) {
        return Params.id(ctx, "photo upload");
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new AppException.Forbidden("This upload URL is incomplete.");
        }
    }
}
