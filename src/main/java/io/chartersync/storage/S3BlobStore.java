package io.chartersync.storage;

import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Objects in an S3 bucket (or any S3-compatible store) under the prefix of {@link StorageUrl}. Uploads are
 * presigned PUTs whose {@code Content-Type} and {@code Content-Length} are signed headers, so the store
 * itself refuses another type, size or key, and any request after the expiry.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final StorageUrl location;

    S3BlobStore(S3Client s3, S3Presigner presigner, StorageUrl location) {
        this.s3 = s3;
        this.presigner = presigner;
        this.location = location;
    }

    /** A store with its own clients: {@code credentials} when given, else the AWS SDK's default chain. */
    static S3BlobStore create(StorageUrl location, Optional<AwsKeys> credentials) {
        Region region = Region.of(location.region());
        AwsCredentialsProvider signer = AwsClients.credentials(credentials);
        S3Configuration addressing = S3Configuration.builder()
                .pathStyleAccessEnabled(location.pathStyle())
                .build();
        var client = S3Client.builder()
                .region(region)
                .credentialsProvider(signer)
                .httpClient(AwsClients.http())
                .serviceConfiguration(addressing)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new NoExpectContinue()));
        var presigner =
                S3Presigner.builder().region(region).credentialsProvider(signer).serviceConfiguration(addressing);
        location.endpoint().ifPresent(endpoint -> {
            client.endpointOverride(endpoint)
                    // The SDK's default checksums (an aws-chunked body with a trailing CRC, a checksum mode on
                    // reads) are newer than many S3-compatible stores: send them only where S3 requires them.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presigner.endpointOverride(endpoint);
        });
        return new S3BlobStore(client.build(), presigner.build(), location);
    }

    /**
     * Drops the {@code Expect: 100-continue} the SDK adds to uploads: the JDK's HTTP client, given an early
     * refusal instead of "100 Continue" (a missing bucket, a denied key), waits out its whole read timeout
     * (30 s) before reporting it. Our objects are small (pages, resized photos), so sending a body that is
     * then refused costs little.
     */
    static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    @Override
    public String put(String key, byte[] bytes, String contentType, String cacheControl) {
        String etag = call(
                "PUT",
                key,
                () -> s3.putObject(
                                b -> b.bucket(location.bucket())
                                        .key(objectKey(key))
                                        .contentType(contentType)
                                        .cacheControl(cacheControl),
                                RequestBody.fromBytes(bytes))
                        .eTag());
        return quoted(etag);
    }

    @Override
    public Optional<Blob> get(String key) {
        return call("GET", key, () -> {
            try {
                ResponseBytes<GetObjectResponse> object =
                        s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(objectKey(key)));
                GetObjectResponse meta = object.response();
                return Optional.of(new Blob(
                        object.asByteArray(),
                        Optional.ofNullable(meta.contentType()).orElse("application/octet-stream"),
                        Optional.ofNullable(meta.cacheControl()).orElse("no-cache"),
                        quoted(meta.eTag())));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void delete(String key) {
        call(
                "DELETE",
                key,
                () -> s3.deleteObject(b -> b.bucket(location.bucket()).key(objectKey(key))));
    }

    @Override
    public UploadTarget presignUpload(String key, String contentType, long size, Duration ttl) {
        PutObjectRequest upload = PutObjectRequest.builder()
                .bucket(location.bucket())
                .key(objectKey(key))
                .contentType(contentType)
                .contentLength(size)
                .build();
        PresignedPutObjectRequest signed = call(
                "presign PUT",
                key,
                () -> presigner.presignPutObject(p -> p.signatureDuration(ttl).putObjectRequest(upload)));
        try {
            return new UploadTarget(
                    "PUT", signed.url().toURI(), Map.of("Content-Type", contentType), signed.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigned URL of " + key + " is not a URI", e);
        }
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }

    private String objectKey(String key) {
        if (key.isBlank() || key.startsWith("/") || ("/" + key + "/").contains("/../") || key.contains("//")) {
            throw new IllegalArgumentException("object key escapes the store: " + key);
        }
        return location.key(key);
    }

    private <T> T call(String action, String key, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw StorageException.of("S3", action + " s3://" + location.bucket() + "/" + location.key(key), e);
        }
    }

    /** S3 quotes its ETags already; some compatible stores do not. */
    private static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
