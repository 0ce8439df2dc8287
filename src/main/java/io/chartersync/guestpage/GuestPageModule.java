package io.chartersync.guestpage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.Task;
import gg.jte.TemplateEngine;
import io.chartersync.audit.AuditLog;
import io.chartersync.common.LinkTokens;
import io.chartersync.common.OperatorContact;
import io.chartersync.common.TokenGenerator;
import io.chartersync.db.TaskQueue;
import io.chartersync.mail.EmailRenderer;
import io.chartersync.mail.Outbox;
import io.chartersync.storage.BlobStore;
import io.chartersync.storage.CdnInvalidator;
import io.chartersync.storage.LocalUploads;
import io.chartersync.web.ClientAddress;
import io.chartersync.web.Guard;
import io.chartersync.web.JsonBodies;
import io.chartersync.web.RateLimiter;
import io.chartersync.web.RouteModule;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The guest-page feature: publishes each booking's page and calendar file to blob storage, emails the guest
 * its link and every change, takes the guests' photos into its gallery, and keeps each boat's list of what to
 * bring. Owns {@code guest_page},
 * {@code guest_photo} and {@code boat_profile}.
 */
public final class GuestPageModule {
    /**
     * What the guest pages need from the rest of the program.
     *
     * @param blobs where pages and photos are published (files, or an S3 bucket)
     * @param localUploads the signer of the program's own upload route, present only when blobs are local
     *     files (S3 takes uploads itself)
     * @param uploadsPerAddress how many uploads one client address may start
     * @param pageWritten runs right after a page object is written, before its row is updated (a test's
     *     fault point; a no-op in production)
     * @param outbox where the guest emails are queued, in the transaction that publishes the page
     * @param emails renders the guest emails
     * @param operatorContact the operator's contact that every guest page and guest email shows
     */
    public record Deps(
            Jdbi jdbi,
            ObjectMapper json,
            TemplateEngine templates,
            TaskQueue tasks,
            AuditLog audit,
            TokenGenerator random,
            LinkTokens linkTokens,
            BlobStore blobs,
            CdnInvalidator cdn,
            Optional<LocalUploads> localUploads,
            URI publicBaseUrl,
            Guard operator,
            JsonBodies bodies,
            RateLimiter uploadsPerAddress,
            ClientAddress clients,
            Clock clock,
            Runnable pageWritten,
            Outbox outbox,
            EmailRenderer emails,
            OperatorContact.Source operatorContact) {}

    /**
     * A boat as the console shows and edits it: the name it is shown by, what its guests should bring ({@code
     * ownList}: its own list; else the default one), where guests meet it and an https link to a map of that
     * place.
     */
    public record Boat(
            String name,
            List<String> whatToBring,
            boolean ownList,
            Optional<String> meetingPoint,
            Optional<String> mapUrl) {
        public Boat {
            whatToBring = List.copyOf(whatToBring);
        }
    }

    private final GuestPageService pages;
    private final List<RouteModule> routes;
    private final List<Task<?>> tasks;
    private final BoatStore boats;
    private final BoatProfiles profiles;

    private GuestPageModule(
            GuestPageService pages,
            List<RouteModule> routes,
            List<Task<?>> tasks,
            BoatStore boats,
            BoatProfiles profiles) {
        this.pages = pages;
        this.boats = boats;
        this.profiles = profiles;
        this.routes = List.copyOf(routes);
        this.tasks = List.copyOf(tasks);
    }

    public static GuestPageModule create(Deps d) {
        PageStore pageStore = new PageStore(d.json());
        PhotoStore photoStore = new PhotoStore();
        BoatStore boatStore = new BoatStore();
        UploadTokens uploadTokens = new UploadTokens(d.linkTokens());
        GuestPageService pages = new GuestPageService(
                d.jdbi(),
                pageStore,
                photoStore,
                boatStore,
                d.blobs(),
                d.cdn(),
                d.templates(),
                new Slugs(d.random()),
                uploadTokens,
                d.publicBaseUrl(),
                d.tasks(),
                d.clock(),
                d.pageWritten(),
                new GuestNotices(d.outbox(), d.emails(), d.operatorContact()),
                d.operatorContact());
        PhotoUploads uploads =
                new PhotoUploads(d.jdbi(), pageStore, photoStore, d.blobs(), uploadTokens, d.tasks(), d.clock());
        PhotoIngest ingest = new PhotoIngest(d.jdbi(), photoStore, d.blobs(), pages, new PhotoProcessor(), d.clock());
        BoatProfiles boats = new BoatProfiles(d.jdbi(), boatStore, pageStore, pages, d.audit(), d.clock());
        UploadRoutes uploadRoutes = new UploadRoutes(
                uploads,
                d.blobs(),
                d.localUploads(),
                d.bodies(),
                d.templates(),
                d.publicBaseUrl(),
                pages.securityHeaders(),
                d.uploadsPerAddress(),
                d.clients());
        return new GuestPageModule(
                pages,
                List.of(uploadRoutes, new BoatRoutes(d.operator(), d.bodies(), boats)),
                List.of(PhotoIngestTask.task(ingest::ingest), CloseUploadsTask.task(pages::republish)),
                boatStore,
                boats);
    }

    /**
     * The display name of {@code boat} (named as {@code common/BoatNames} says): the one registered with {@code
     * PUT /api/boats/{boat}}, else the first one seen, which a boat not seen before gets from {@code boat}, in
     * the caller's transaction. The booking intake names every booking's boat so.
     */
    public String boatName(Handle h, String boat) {
        return boats.displayName(h, boat);
    }

    /** Every boat known (registered, or seen on a booking), by display name, for the console. */
    public List<Boat> boats() {
        return profiles.all();
    }

    /** The profile of {@code boat} (any spelling); empty for a boat never registered nor seen on a booking. */
    public Optional<Boat> boat(String boat) {
        return profiles.profile(boat);
    }

    /**
     * Saves the console's edit of {@code boat}: {@code displayName} (the same boat, capitals and spaces aside) and
     * {@code body}'s {@code what_to_bring}, {@code meeting_point} and {@code map_url}, by the rules of {@code PUT
     * /api/boats/{boat}}; re-publishes the boat's upcoming pages and answers how many. {@link
     * io.chartersync.common.AppException.InvalidInput} naming each offending field.
     */
    public int saveBoat(String boat, String displayName, JsonNode body, String actor) {
        String named = BoatRules.boat(boat);
        return profiles.save(named, BoatRules.parse(named, displayName, body), "boat.profile.updated", actor);
    }

    /** What the sync workflow calls: publish a booking's page. */
    public GuestPagePort port() {
        return pages;
    }

    /** The photo-upload routes and the boats' what-to-bring routes. */
    public List<RouteModule> routes() {
        return routes;
    }

    /** The durable tasks: a photo's ingest, and closing a page's uploads 30 days after its trip. */
    public List<Task<?>> tasks() {
        return tasks;
    }

    /**
     * The response headers every guest page and photo is served with (its CSP, nosniff, referrer, noindex), for
     * whatever serves the published objects.
     */
    public Map<String, String> securityHeaders() {
        return pages.securityHeaders();
    }
}
