package io.chartersync.storage;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage package's entry point: the blob storage the guest site goes to and the CDN to tell. S3 when a
 * {@link StorageUrl} is set, else the local files; CloudFront when a distribution id is set, else nobody.
 * Closing it closes the AWS clients.
 */
public record SiteStorage(BlobStore blobs, CdnInvalidator cdn) implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteStorage.class);

    public static SiteStorage open(
            Optional<StorageUrl> url,
            Optional<String> distributionId,
            Optional<AwsKeys> credentials,
            Supplier<BlobStore> local) {
        BlobStore blobs = url.<BlobStore>map(u -> {
                    log.info("Guest pages are published to {}", u);
                    return S3BlobStore.create(u, credentials);
                })
                .orElseGet(local);
        CdnInvalidator cdn = distributionId
                .<CdnInvalidator>map(id -> {
                    log.info("Published paths are invalidated on CloudFront distribution {}", id);
                    return CloudFrontInvalidator.create(id, credentials);
                })
                .orElseGet(CdnInvalidator::none);
        return new SiteStorage(blobs, cdn);
    }

    @Override
    public void close() {
        for (Object part : new Object[] {blobs, cdn}) {
            if (part instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Could not close {}: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
