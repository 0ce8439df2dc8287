package io.chartersync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API for the tests: s3proxy (in-memory storage, AWS signature v2 and v4 checked) in its own
 * process, since its jar breaks Jetty 12 in the program's JVM. The build copies its self-contained jar to
 * {@code target/s3proxy/s3proxy.jar}. One per test JVM, started on first use and killed when the JVM ends.
 */
public final class S3Proxy {
    public static final String ACCESS_KEY = "s3proxy-test-access-key";
    public static final String SECRET_KEY = "s3proxy-test-secret-key-0123456789abcdef";
    public static final String REGION = "us-east-1";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static S3Proxy shared;

    private final ChildProcess process;
    private final URI endpoint;
    private final S3Client client;

    private S3Proxy(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The running s3proxy of this JVM. */
    public static synchronized S3Proxy shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static S3Proxy start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: the build copies it (mvn process-test-resources, or any test run)");
        }
        int port = ChildProcess.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path properties = Files.createTempFile("s3proxy-", ".properties");
            properties.toFile().deleteOnExit();
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=" + endpoint,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=transient",
                            "jclouds.identity=unused",
                            "jclouds.credential=unused",
                            ""));
            ChildProcess process =
                    ChildProcess.startJar(JAR, Map.of("LOG_LEVEL", "warn"), "--properties", properties.toString());
            S3Proxy proxy = new S3Proxy(process, endpoint);
            proxy.awaitAnswer(Duration.ofSeconds(60));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the s3proxy settings", e);
        }
    }

    /** Where the S3 API answers, for path-style requests ({@code endpoint/bucket/key}). */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of its own (the test keys, path-style), to look into the store independently of the program. */
    public S3Client client() {
        return client;
    }

    /** Creates an empty bucket with a fresh name and answers it. */
    public String newBucket() {
        String bucket = "test-" + UUID.randomUUID().toString().substring(0, 13);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Deletes every object of {@code bucket}, so each test starts from an empty one. */
    public void empty(String bucket) {
        client.listObjectsV2Paginator(b -> b.bucket(bucket))
                .contents()
                .forEach(o -> client.deleteObject(b -> b.bucket(bucket).key(o.key())));
    }

    /** The program's settings for publishing to {@code bucket} under {@code prefix}, with the test keys. */
    public Map<String, String> environment(String bucket, String prefix) {
        return Map.of(
                "STORAGE_URL",
                "s3://" + bucket + "/" + prefix + "?endpoint=" + endpoint + "&region=" + REGION,
                "AWS_ACCESS_KEY_ID",
                ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                SECRET_KEY);
    }

    /**
     * A content type with the spaces around its parameters dropped: s3proxy's Jetty answers the stored
     * {@code text/html; charset=utf-8} as {@code text/html;charset=utf-8} (the same media type; S3 itself
     * answers what was stored), so tests compare types in this form.
     */
    public static String mediaType(String contentType) {
        return contentType.replaceAll("\\s*;\\s*", ";").toLowerCase(java.util.Locale.ROOT);
    }

    private void awaitAnswer(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                // Any answer will do (an unsigned request gets 403): the server is up.
                http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException(
                            "s3proxy did not answer on " + endpoint + " within " + timeout + ":\n" + process.output(),
                            e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void stop() {
        client.close();
        process.close();
    }
}
