package io.chartersync.storage;

import io.chartersync.common.Failure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A call to S3 or CloudFront that failed, worded so the operator knows what to fix. Every one is
 * {@link Kind#TRANSIENT}, refusals included: the sync retries it (with backoff, for hours), which outlasts an
 * outage, throttling or a dropped connection, and also gives the operator time to fix a setting (a bucket
 * name, a policy) before the retries run out. The message shows in the booking's status while it is retried.
 */
public final class StorageException extends RuntimeException implements Failure {
    private static final long serialVersionUID = 1L;

    @Override
    public Kind kind() {
        return Kind.TRANSIENT;
    }

    StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Explains a failed {@code action} (like "PUT s3://bucket/key") of the AWS SDK. */
    static StorageException of(String service, String action, SdkException e) {
        if (e instanceof AwsServiceException refused && refused.awsErrorDetails() != null) {
            return new StorageException(refusal(service, action, refused), e);
        }
        String why = String.valueOf(e.getMessage());
        if (why.contains("Unable to load credentials")) {
            return new StorageException(
                    service + " " + action + " failed: no AWS credentials found; set AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or give the machine a role",
                    e);
        }
        return new StorageException("could not reach " + service + " for " + action + ": " + why, e);
    }

    private static String refusal(String service, String action, AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails().errorCode();
        String answer = " (" + status + " " + code + ")";
        return switch (code == null ? "" : code) {
            case "NoSuchBucket" -> service + " " + action + answer + ": the bucket does not exist; check STORAGE_URL";
            case "AccessDenied", "AllAccessDisabled" ->
                service + " " + action + answer
                        + ": the credentials may not do this; see the IAM permissions in docs/deploying-on-aws.md";
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken" ->
                service + " " + action + answer
                        + ": the credentials were refused; check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                service + " " + action + answer + ": the bucket is in another region; set region= in STORAGE_URL";
            case "NoSuchDistribution" ->
                service + " " + action + answer + ": the distribution does not exist; check CDN_DISTRIBUTION_ID";
            default ->
                status >= 500 || e.isThrottlingException()
                        ? service + " " + action + answer + ": the service is unavailable or busy for now"
                        : service + " " + action + answer + ": "
                                + e.awsErrorDetails().errorMessage();
        };
    }
}
