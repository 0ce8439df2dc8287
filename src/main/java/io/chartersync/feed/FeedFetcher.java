package io.chartersync.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Fetches a feed's URL: http or https only, at most 5 MiB, 30 s and 3 redirects, with a conditional GET
 * (ETag, Last-Modified); unless private addresses are allowed, every connection (redirects included) goes
 * only to an address checked not to be loopback, private, link-local, multicast or cloud metadata (the
 * address checked is the address connected to, so DNS rebinding cannot slip past).
 *
 * <p>How: one Jetty {@link HttpClient} (thread-safe, started in the constructor, stopped by {@link #close()})
 * whose {@link CheckedResolver} is its only way to addresses, with the rules of {@link Addresses}; IP
 * literals in a URL go through it too. The client follows no redirects: {@link #fetch} does, at most three,
 * each target re-checked (http or https only; its host resolved and checked when it connects). The 30 s
 * cover the whole fetch, redirects included (DNS too: lookups run off the sending thread). The body is read
 * as a stream and the fetch stops one byte past the limit (a Content-Length over the limit stops it before
 * reading); the limit counts the bytes after gzip decoding, so a compressed bomb stops at 5 MiB too. Cookies are never kept. Failure
 * messages name the host at most, never the path or query, and never quote an exception's own message
 * (Jetty's may hold the URL).
 */
final class FeedFetcher implements AutoCloseable {
    static final String USER_AGENT = "CharterSync/1 (+calendar import)";
    static final String ACCEPT = "text/calendar, */*;q=0.5";

    /** What a server last said to identify its version of the file, sent back on the next poll. */
    record Validators(Optional<String> etag, Optional<String> lastModified) {
        static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
    }

    /** A fetch's result: the file and its validators, or "not modified" (HTTP 304). */
    sealed interface Fetched permits Body, NotModified {}

    record Body(byte[] bytes, Validators validators) implements Fetched {}

    record NotModified() implements Fetched {}

    /** The fetch's limits; {@link #DEFAULT} in production, smaller in tests. */
    record Limits(Duration total, long maxBytes, int maxRedirects) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 5L * 1024 * 1024, 3);
    }

    private final HttpClient client;
    private final ExecutorService lookups;
    private final Limits limits;

    FeedFetcher(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses ? address -> true : FeedFetcher::isPublic, Limits.DEFAULT);
    }

    /**
     * For tests: {@code allowed} decides which resolved addresses a connection may use (production: every
     * address, or {@link #isPublic}).
     */
    FeedFetcher(Predicate<InetSocketAddress> allowed, Limits limits) {
        this.limits = limits;
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("feed-fetch");
        threads.setDaemon(true);
        lookups = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("feed-dns-", 0).daemon().factory());
        client = new HttpClient();
        client.setExecutor(threads);
        client.setSocketAddressResolver(new CheckedResolver(allowed, lookups));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        client.setConnectTimeout(limits.total().toMillis());
        client.setIdleTimeout(limits.total().toMillis());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the feed HTTP client did not start", e);
        }
    }

    static boolean isPublic(InetSocketAddress address) {
        return !address.isUnresolved() && !Addresses.isForbidden(address.getAddress());
    }

    /** @throws FeedFailure for anything but a 2xx body or a 304 */
    Fetched fetch(URI url, Validators validators) throws FeedFailure {
        long deadline = System.nanoTime() + limits.total().toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            checkScheme(current, redirects > 0);
            long remaining = Math.max(1, deadline - System.nanoTime());
            InputStreamResponseListener listener = new InputStreamResponseListener();
            Request request = request(current, validators, remaining);
            request.send(listener);
            Response response = await(request, listener, remaining, current);
            int status = response.getStatus();
            if (status == 304) {
                discard(listener);
                return new NotModified();
            }
            Optional<String> location =
                    Optional.ofNullable(response.getHeaders().get(HttpHeader.LOCATION));
            if (isRedirect(status) && location.isPresent()) {
                discard(listener);
                if (redirects == limits.maxRedirects()) {
                    throw new FeedFailure(
                            FeedFailure.Kind.REDIRECTS, "more than " + limits.maxRedirects() + " redirects");
                }
                current = next(current, location.get());
                continue;
            }
            if (status < 200 || status > 299) {
                discard(listener);
                throw new FeedFailure(FeedFailure.Kind.HTTP_STATUS, "the server answered " + status + hint(status));
            }
            byte[] body = read(listener, response, current);
            return new Body(
                    body,
                    new Validators(header(response, HttpHeader.ETAG), header(response, HttpHeader.LAST_MODIFIED)));
        }
    }

    private Request request(URI url, Validators validators, long remainingNanos) {
        return client.newRequest(url)
                .method(HttpMethod.GET)
                .followRedirects(false)
                .timeout(remainingNanos, TimeUnit.NANOSECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, ACCEPT);
                    validators.etag().ifPresent(v -> h.put(HttpHeader.IF_NONE_MATCH, v));
                    validators.lastModified().ifPresent(v -> h.put(HttpHeader.IF_MODIFIED_SINCE, v));
                });
    }

    private Response await(Request request, InputStreamResponseListener listener, long remainingNanos, URI url)
            throws FeedFailure {
        try {
            // A little past the request's own timeout, which aborts the exchange with a TimeoutException.
            return listener.get(remainingNanos + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw timeout();
        } catch (ExecutionException e) {
            throw failure(e.getCause(), url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new FeedFailure(FeedFailure.Kind.TIMEOUT, "the fetch was interrupted");
        }
    }

    private byte[] read(InputStreamResponseListener listener, Response response, URI url) throws FeedFailure {
        long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > limits.maxBytes()) {
            discard(listener);
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = listener.getInputStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                if (out.size() > limits.maxBytes()) {
                    throw tooLarge(); // closing the stream aborts the exchange
                }
            }
        } catch (IOException e) {
            throw failure(e, url);
        }
        return out.toByteArray();
    }

    private void checkScheme(URI url, boolean redirected) throws FeedFailure {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw redirected
                    ? new FeedFailure(
                            FeedFailure.Kind.REDIRECTS, "the server redirected to a URL that is not http or https")
                    : new FeedFailure(FeedFailure.Kind.UNREACHABLE, "the feed URL is not an http or https URL");
        }
    }

    private static URI next(URI current, String location) throws FeedFailure {
        try {
            return current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FeedFailure(FeedFailure.Kind.REDIRECTS, "the server redirected to an invalid URL");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (access refused: the marketplace may have revoked this calendar link)";
            case 404, 410 -> " (not found: the marketplace may have replaced this calendar link)";
            case 429 -> " (too many requests: poll less often)";
            default -> status >= 500 ? " (a server error at the marketplace)" : "";
        };
    }

    private static Optional<String> header(Response response, HttpHeader name) {
        return Optional.ofNullable(response.getHeaders().get(name))
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static void discard(InputStreamResponseListener listener) {
        try {
            listener.getInputStream().close();
        } catch (IOException e) {
            // the exchange is aborted either way
        }
    }

    /** The failure's kind from the cause chain; the words are ours, never an exception's message. */
    private FeedFailure failure(Throwable error, URI url) {
        String host = url.getHost();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CheckedResolver.Refused) {
                return new FeedFailure(
                        FeedFailure.Kind.FORBIDDEN_ADDRESS,
                        host
                                + " resolves to a private address; set FEED_ALLOW_PRIVATE_ADDRESSES=true for local set-ups");
            }
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return timeout();
            }
            if (t instanceof UnknownHostException) {
                return new FeedFailure(FeedFailure.Kind.UNREACHABLE, "the host " + host + " is not known (DNS)");
            }
            if (t instanceof ConnectException) {
                return new FeedFailure(FeedFailure.Kind.UNREACHABLE, host + " refused the connection");
            }
            if (t instanceof SSLException) {
                return new FeedFailure(
                        FeedFailure.Kind.UNREACHABLE,
                        "the secure connection to " + host + " failed (TLS certificate or protocol)");
            }
        }
        return new FeedFailure(FeedFailure.Kind.UNREACHABLE, "the connection to " + host + " failed");
    }

    private FeedFailure timeout() {
        return new FeedFailure(
                FeedFailure.Kind.TIMEOUT,
                "no complete answer within " + limits.total().toSeconds() + " s");
    }

    private FeedFailure tooLarge() {
        long max = limits.maxBytes();
        String limit = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB" : max + " bytes";
        return new FeedFailure(FeedFailure.Kind.TOO_LARGE, "the file is larger than " + limit);
    }

    @Override
    public void close() {
        lookups.shutdownNow();
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the feed HTTP client did not stop", e);
        }
    }
}
