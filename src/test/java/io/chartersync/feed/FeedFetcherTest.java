package io.chartersync.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chartersync.feed.FeedFetcher.Body;
import io.chartersync.feed.FeedFetcher.Limits;
import io.chartersync.feed.FeedFetcher.NotModified;
import io.chartersync.feed.FeedFetcher.Validators;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against real HTTP servers (the JDK's, on 127.0.0.1). Happy paths allow private addresses, as a local
 * set-up does. The address rules are tested in three honest ways, since no public server exists in a test:
 * the classification as a table of address literals; real fetches of loopback URLs (a name, an IPv4 and an
 * IPv6 literal) with private addresses forbidden, where the server must see no request; and a redirect from
 * a server that stands for a public one (the fetcher's package-private constructor takes the address rule,
 * here "the first server's port, or what the production rule allows") to a second loopback server, which must
 * be refused before that server sees a request.
 */
class FeedFetcherTest {
    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    private static final String SECRET = "s3cret-token";
    private static final Limits SMALL = new Limits(Duration.ofSeconds(5), 1000, 3);

    private static final ExecutorService handlers = Executors.newCachedThreadPool();
    private static final CountDownLatch release = new CountDownLatch(1);
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static final List<String> seenByOther = new CopyOnWriteArrayList<>();
    private static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static HttpServer other;
    private static FeedFetcher open;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", FeedFetcherTest::handle);
        server.start();
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            seenByOther.add(exchange.getRequestURI().getPath());
            respond(exchange, 200, ICS);
        });
        other.start();
        open = new FeedFetcher(address -> true, SMALL);
    }

    @AfterAll
    static void stop() {
        release.countDown();
        open.close();
        server.stop(0);
        other.stop(0);
        handlers.shutdownNow();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        seen.add(path);
        String[] parts = path.split("/");
        var in = exchange.getRequestHeaders();
        lastHeaders.put("user-agent", String.valueOf(in.getFirst("User-Agent")));
        lastHeaders.put("accept", String.valueOf(in.getFirst("Accept")));
        switch (parts[1]) {
            case "etag" -> {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                respond(exchange, "\"v1\"".equals(in.getFirst("If-None-Match")) ? 304 : 200, ICS);
            }
            case "modified" -> {
                String when = "Wed, 02 Dec 2026 10:00:00 GMT";
                exchange.getResponseHeaders().set("Last-Modified", when);
                respond(exchange, when.equals(in.getFirst("If-Modified-Since")) ? 304 : 200, ICS);
            }
            case "status" -> respond(exchange, Integer.parseInt(parts[2]), "<html>oops</html>");
            case "bytes" -> respond(exchange, 200, "x".repeat(Integer.parseInt(parts[2])));
            case "chunked" -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < Integer.parseInt(parts[2]); i++) {
                        out.write('x');
                        if (i % 100 == 0) {
                            out.flush();
                        }
                    }
                }
            }
            case "slow" -> {
                await();
                respond(exchange, 200, ICS);
            }
            case "slow-body" -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    await();
                }
            }
            case "redirect" -> {
                int left = Integer.parseInt(parts[2]);
                exchange.getResponseHeaders()
                        .set("Location", left == 0 ? "/etag/" + SECRET : "/redirect/" + (left - 1) + "/" + SECRET);
                respond(exchange, left % 2 == 0 ? 302 : 301, "");
            }
            case "to" -> {
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                parts[2].equals("ftp")
                                        ? "ftp://files.example.com/" + SECRET
                                        : "http://127.0.0.1:"
                                                + other.getAddress().getPort() + "/feed/" + SECRET);
                respond(exchange, 302, "");
            }
            default -> respond(exchange, 404, "");
        }
    }

    @Test
    void a_file_comes_with_its_etag_and_the_conditional_get_answers_not_modified() throws Exception {
        Body body = (Body) open.fetch(url("/etag/" + SECRET), Validators.NONE);

        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(ICS);
        assertThat(body.validators()).isEqualTo(new Validators(Optional.of("\"v1\""), Optional.empty()));
        assertThat(lastHeaders)
                .containsEntry("user-agent", "CharterSync/1 (+calendar import)")
                .containsEntry("accept", "text/calendar, */*;q=0.5");
        assertThat(open.fetch(url("/etag/" + SECRET), body.validators())).isEqualTo(new NotModified());
    }

    @Test
    void one_fetcher_serves_many_feeds_at_once() throws Exception {
        List<java.util.concurrent.Future<FeedFetcher.Fetched>> results = new java.util.ArrayList<>();
        try (ExecutorService polls = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 24; i++) {
                String path = i % 2 == 0 ? "/etag/" + i : "/redirect/1/" + i;
                results.add(polls.submit(() -> open.fetch(url(path), Validators.NONE)));
            }
            for (var result : results) {
                assertThat(((Body) result.get(10, TimeUnit.SECONDS)).bytes())
                        .asString(StandardCharsets.UTF_8)
                        .isEqualTo(ICS);
            }
        }
    }

    @Test
    void last_modified_is_returned_and_sent_back_the_same_way() throws Exception {
        Body body = (Body) open.fetch(url("/modified/" + SECRET), Validators.NONE);

        Validators validators = body.validators();
        assertThat(validators.lastModified()).contains("Wed, 02 Dec 2026 10:00:00 GMT");
        assertThat(validators.etag()).isEmpty();
        assertThat(open.fetch(url("/modified/" + SECRET), validators)).isInstanceOf(NotModified.class);
    }

    @ParameterizedTest
    @CsvSource({"500, the server answered 500", "404, the server answered 404", "403, the server answered 403"})
    void an_http_error_is_a_failure_naming_the_status(int status, String message) {
        assertFails(open, "/status/" + status + "/" + SECRET, FeedFailure.Kind.HTTP_STATUS, message);
    }

    @Test
    void no_answer_in_time_is_a_timeout_whether_the_headers_or_the_body_are_late() {
        try (FeedFetcher quick = new FeedFetcher(address -> true, new Limits(Duration.ofMillis(300), 1000, 3))) {
            long before = System.nanoTime();
            assertFails(quick, "/slow/" + SECRET, FeedFailure.Kind.TIMEOUT, "no complete answer within");
            assertFails(quick, "/slow-body/" + SECRET, FeedFailure.Kind.TIMEOUT, "no complete answer within");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void a_body_at_the_limit_passes_and_one_byte_more_is_too_large_with_or_without_a_length() throws Exception {
        assertThat(((Body) open.fetch(url("/bytes/1000"), Validators.NONE)).bytes())
                .hasSize(1000);
        assertThat(((Body) open.fetch(url("/chunked/1000"), Validators.NONE)).bytes())
                .hasSize(1000);
        assertFails(open, "/bytes/1001/" + SECRET, FeedFailure.Kind.TOO_LARGE, "larger than 1000 bytes");
        assertFails(open, "/chunked/1001/" + SECRET, FeedFailure.Kind.TOO_LARGE, "larger than 1000 bytes");
        assertFails(open, "/chunked/50000/" + SECRET, FeedFailure.Kind.TOO_LARGE, "larger than 1000 bytes");
    }

    @Test
    void three_redirects_are_followed_and_a_fourth_or_one_to_ftp_fails() throws Exception {
        seen.clear();
        assertThat(open.fetch(url("/redirect/2/" + SECRET), Validators.NONE)).isInstanceOf(Body.class);
        assertThat(seen).hasSize(4); // three redirects, then the file

        assertFails(open, "/redirect/3/" + SECRET, FeedFailure.Kind.REDIRECTS, "more than 3 redirects");
        assertFails(open, "/to/ftp/" + SECRET, FeedFailure.Kind.REDIRECTS, "not http or https");
    }

    @ParameterizedTest
    @CsvSource({"localhost", "127.0.0.1", "[::1]"})
    void with_private_addresses_forbidden_a_loopback_host_is_refused_before_any_request(String host) {
        seen.clear();
        try (FeedFetcher strict = new FeedFetcher(false)) {
            URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/etag/" + SECRET);
            assertThatThrownBy(() -> strict.fetch(url, Validators.NONE))
                    .isInstanceOfSatisfying(FeedFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(FeedFailure.Kind.FORBIDDEN_ADDRESS);
                        assertThat(f.getMessage())
                                .contains("resolves to a private address; set FEED_ALLOW_PRIVATE_ADDRESSES=true")
                                .doesNotContain(SECRET);
                    });
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void a_redirect_to_a_private_address_is_refused_at_connection_time() throws Exception {
        int first = server.getAddress().getPort();
        seenByOther.clear();
        try (FeedFetcher publicOnly = new FeedFetcher(a -> a.getPort() == first || FeedFetcher.isPublic(a), SMALL)) {
            assertFails(
                    publicOnly,
                    "/to/other/" + SECRET,
                    FeedFailure.Kind.FORBIDDEN_ADDRESS,
                    "127.0.0.1 resolves to a private");
        }
        assertThat(seenByOther).isEmpty();
        // The same redirect with private addresses allowed reaches the second server: the refusal above was the rule.
        assertThat(open.fetch(url("/to/other/" + SECRET), Validators.NONE)).isInstanceOf(Body.class);
        assertThat(seenByOther).hasSize(1);
    }

    @Test
    void a_refused_connection_a_failed_tls_handshake_and_an_unknown_host_are_unreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> open.fetch(URI.create("http://127.0.0.1:" + closed + "/" + SECRET), Validators.NONE))
                .isInstanceOfSatisfying(FeedFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FeedFailure.Kind.UNREACHABLE);
                    assertThat(f.getMessage()).isEqualTo("127.0.0.1 refused the connection");
                });
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Answers the TLS client hello in plain HTTP, as a server without TLS on that port does.
            handlers.execute(() -> {
                try (var socket = plain.accept()) {
                    socket.getInputStream().read(new byte[512]);
                    socket.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test's assertion tells
                }
            });
            URI overTls = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/" + SECRET);
            assertThatThrownBy(() -> open.fetch(overTls, Validators.NONE))
                    .isInstanceOfSatisfying(FeedFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(FeedFailure.Kind.UNREACHABLE);
                        assertThat(f.getMessage()).startsWith("the secure connection to 127.0.0.1 failed");
                    });
        }
        assertThatThrownBy(() -> open.fetch(URI.create("https://no-such-host.invalid/" + SECRET), Validators.NONE))
                .isInstanceOfSatisfying(FeedFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FeedFailure.Kind.UNREACHABLE);
                    assertThat(f.getMessage()).isEqualTo("the host no-such-host.invalid is not known (DNS)");
                });
    }

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8, false",
        "93.184.216.34, false",
        "1.1.1.1, false",
        "172.32.0.1, false",
        "100.63.255.255, false",
        "100.128.0.1, false",
        "192.0.1.1, false",
        "223.255.255.255, false",
        "0.0.0.0, true",
        "0.1.2.3, true",
        "10.0.0.1, true",
        "10.255.255.255, true",
        "172.16.0.1, true",
        "172.31.255.255, true",
        "192.168.1.1, true",
        "100.64.0.1, true",
        "100.127.255.255, true",
        "100.100.100.200, true",
        "127.0.0.1, true",
        "127.255.255.254, true",
        "169.254.0.1, true",
        "169.254.169.254, true",
        "192.0.0.192, true",
        "198.18.0.1, true",
        "224.0.0.1, true",
        "239.255.255.250, true",
        "240.0.0.1, true",
        "255.255.255.255, true",
        "2001:4860:4860::8888, false",
        "2606:4700:4700::1111, false",
        "::ffff:8.8.8.8, false",
        "64:ff9b::808:808, false",
        "2002:808:808::1, false",
        "::, true",
        "::1, true",
        "fe80::1, true",
        "febf:ffff::1, true",
        "fec0::1, true",
        "fc00::1, true",
        "fd12:3456::1, true",
        "fd00:ec2::254, true",
        "ff02::1, true",
        "ff05::2, true",
        "::ffff:127.0.0.1, true",
        "::ffff:169.254.169.254, true",
        "::ffff:10.1.2.3, true",
        "::127.0.0.1, true",
        "64:ff9b::a9fe:a9fe, true",
        "2002:c0a8:101::1, true",
    })
    void the_address_rule_refuses_everything_that_is_not_the_public_internet(String literal, boolean forbidden)
            throws Exception {
        assertThat(Addresses.isForbidden(InetAddress.getByName(literal))).isEqualTo(forbidden);
    }

    @Test
    void an_ipv4_mapped_address_kept_as_ipv6_is_judged_by_its_ipv4_address() throws Exception {
        byte[] metadata = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254
        };
        byte[] google = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        assertThat(Addresses.isForbidden(Inet6Address.getByAddress(null, metadata, -1)))
                .isTrue();
        assertThat(Addresses.isForbidden(Inet6Address.getByAddress(null, google, -1)))
                .isFalse();
    }

    private static void assertFails(FeedFetcher fetcher, String path, FeedFailure.Kind kind, String message) {
        assertThatThrownBy(() -> fetcher.fetch(url(path), Validators.NONE))
                .isInstanceOfSatisfying(FeedFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(kind);
                    assertThat(f.getMessage()).contains(message).doesNotContain(SECRET);
                });
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?token=" + SECRET);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 304 || bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
