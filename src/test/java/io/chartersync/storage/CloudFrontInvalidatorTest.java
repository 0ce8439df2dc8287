package io.chartersync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** CloudFront invalidations, sent by the real AWS SDK to a hand-written fake of CloudFront's API at the edge. */
class CloudFrontInvalidatorTest {
    private static final String DISTRIBUTION = "E2QWRUHAPOMQZL";
    private static final List<String> PATHS = List.of("/g/may-30-boatsetter-k3x9.html", "/g/may-30-boatsetter-k3x9");

    private FakeCloudFront fake;
    private CloudFrontInvalidator cdn;

    @BeforeEach
    void start() {
        fake = new FakeCloudFront();
        cdn = new CloudFrontInvalidator(fake.client(), DISTRIBUTION);
    }

    @AfterEach
    void stop() {
        cdn.close();
        fake.close();
    }

    @Test
    void invalidation_goes_to_the_distribution_with_both_paths() {
        cdn.invalidate(PATHS, "booking-1:v1:\"etag-1\"");

        assertThat(fake.requests()).hasSize(1);
        Request sent = fake.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation");
        assertThat(sent.paths()).containsExactlyElementsOf(PATHS);
        assertThat(sent.body()).contains("<Quantity>2</Quantity>");
    }

    @Test
    void a_retried_publish_sends_the_same_caller_reference() {
        cdn.invalidate(PATHS, "booking-1:v1:\"etag-1\"");
        cdn.invalidate(PATHS, "booking-1:v1:\"etag-1\"");

        assertThat(fake.requests())
                .extracting(Request::callerReference)
                .hasSize(2)
                .containsOnly(fake.requests().getFirst().callerReference());
    }

    @Test
    void another_publish_sends_another_caller_reference() {
        cdn.invalidate(PATHS, "booking-1:v1:\"etag-1\"");
        cdn.invalidate(PATHS, "booking-1:v2:\"etag-2\"");

        assertThat(fake.requests().get(0).callerReference())
                .isNotEqualTo(fake.requests().get(1).callerReference());
    }

    @Test
    void the_caller_reference_stays_within_128_characters_for_any_reference() {
        cdn.invalidate(PATHS, "x".repeat(1000));

        assertThat(fake.requests().getFirst().callerReference()).hasSizeLessThanOrEqualTo(128);
        assertThat(CloudFrontInvalidator.callerReference("y".repeat(5000))).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void a_missing_distribution_is_a_storage_error_naming_cdn_distribution_id() {
        fake.answer(404, """
                <?xml version="1.0"?>
                <ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type>\
                <Code>NoSuchDistribution</Code><Message>The specified distribution does not exist.</Message></Error>\
                <RequestId>r-1</RequestId></ErrorResponse>""");

        assertThatThrownBy(() -> cdn.invalidate(PATHS, "booking-1:v1"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(DISTRIBUTION)
                .hasMessageContaining("NoSuchDistribution")
                .hasMessageContaining("CDN_DISTRIBUTION_ID");
    }

    @Test
    void an_unavailable_cloudfront_is_a_storage_error_the_sync_retries() {
        fake.answer(503, """
                <?xml version="1.0"?>
                <ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Receiver</Type>\
                <Code>ServiceUnavailable</Code><Message>Try again.</Message></Error><RequestId>r-2</RequestId>\
                </ErrorResponse>""");

        assertThatThrownBy(() -> cdn.invalidate(PATHS, "booking-1:v1"))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(io.chartersync.common.AppException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("unavailable");
        assertThat(fake.requests()).as("the SDK tries more than once itself").hasSizeGreaterThan(1);
    }

    /** One CreateInvalidation request as the fake received it. */
    record Request(String method, String path, String body) {
        String callerReference() {
            return only(Pattern.compile("<CallerReference>([^<]*)</CallerReference>")
                    .matcher(body));
        }

        List<String> paths() {
            return Pattern.compile("<Path>([^<]*)</Path>")
                    .matcher(body)
                    .results()
                    .map(r -> r.group(1))
                    .toList();
        }

        private static String only(Matcher m) {
            assertThat(m.find()).as("a CallerReference in the body").isTrue();
            return m.group(1);
        }
    }

    /** CloudFront's CreateInvalidation, on a loopback port: records each request and answers 201 (or as told). */
    static final class FakeCloudFront implements AutoCloseable {
        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private volatile int status = 201;
        private volatile String error = "";

        FakeCloudFront() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        CloudFrontClient client() {
            return CloudFrontClient.builder()
                    .endpointOverride(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                    .region(Region.AWS_GLOBAL)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIATESTFAKECLOUDFRONT", "fake-secret-for-tests")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        void answer(int status, String errorXml) {
            this.status = status;
            this.error = errorXml;
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            String answer = status == 201 ? created(body) : error;
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            if (status == 201) {
                exchange.getResponseHeaders()
                        .set(
                                "Location",
                                "https://cloudfront.amazonaws.com" + exchange.getRequestURI() + "/I2J0I21PCUYOIK");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        /** The answer of CloudFront: the invalidation, holding the batch it was sent. */
        private static String created(String requestBody) {
            String batch = requestBody
                    .replaceAll("(?s)^.*?(<InvalidationBatch[^>]*>)", "<InvalidationBatch>")
                    .replaceAll("(?s)</InvalidationBatch>.*$", "</InvalidationBatch>");
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">\
                    <Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>\
                    <CreateTime>2024-05-30T16:00:00.000Z</CreateTime>%s</Invalidation>""".formatted(batch);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
