package io.chartersync.storage;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** What the S3 and CloudFront clients share: the credentials and the JDK's own HTTP client. */
final class AwsClients {
    private AwsClients() {}

    /** The given keys, or else the AWS SDK's default chain (environment, profile, instance or task role). */
    static AwsCredentialsProvider credentials(Optional<AwsKeys> given) {
        return given.<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(credentials(keys)))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static AwsCredentials credentials(AwsKeys keys) {
        return keys.sessionToken()
                .<AwsCredentials>map(
                        token -> AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
}
