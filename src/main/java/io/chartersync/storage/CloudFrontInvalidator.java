package io.chartersync.storage;

import io.chartersync.common.Hashes;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Invalidates paths of one CloudFront distribution after a publish. The CallerReference is a hash of the
 * publish's reference (booking, version, ETag), so a retried publish sends the same one and CloudFront
 * answers with the invalidation it already made instead of making a second.
 */
final class CloudFrontInvalidator implements CdnInvalidator, AutoCloseable {
    private final CloudFrontClient cloudFront;
    private final String distributionId;

    CloudFrontInvalidator(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    /** An invalidator with its own client: {@code credentials} when given, else the AWS SDK's default chain. */
    static CloudFrontInvalidator create(String distributionId, Optional<AwsKeys> credentials) {
        return new CloudFrontInvalidator(
                CloudFrontClient.builder()
                        .region(Region.AWS_GLOBAL)
                        .credentialsProvider(AwsClients.credentials(credentials))
                        .httpClient(AwsClients.http())
                        .build(),
                distributionId);
    }

    @Override
    public void invalidate(List<String> paths, String reference) {
        try {
            cloudFront.createInvalidation(r -> r.distributionId(distributionId)
                    .invalidationBatch(batch -> batch.callerReference(callerReference(reference))
                            .paths(p -> p.quantity(paths.size()).items(paths))));
        } catch (SdkException e) {
            throw StorageException.of("CloudFront", "invalidation on distribution " + distributionId, e);
        }
    }

    /** At most 128 characters, the same for the same reference: "chartersync-" and its SHA-256 in hex. */
    static String callerReference(String reference) {
        return "chartersync-" + Hashes.sha256Hex(reference);
    }

    @Override
    public void close() {
        cloudFront.close();
    }
}
