package io.chartersync.storage;

import java.util.Optional;

/**
 * Keys given in the configuration ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, and {@code
 * AWS_SESSION_TOKEN} for temporary ones). Without them the AWS SDK's default chain finds credentials (an
 * instance or task role, a profile). {@link #toString()} never shows the secret or the token.
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public AwsKeys {
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key id and a secret access key are both needed");
        }
    }

    @Override
    public String toString() {
        return "AwsKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)"
                + sessionToken.map(t -> ", sessionToken=(hidden)").orElse("") + "]";
    }
}
