package io.chartersync.storage;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** What the S3 and CloudFront clients share: the credentials and the JDK's own HTTP client. */
final class AwsClients {
    private AwsClients() {}

    static AwsCredentialsProvider credentials(Optional<AwsCredentials> given) {
        return given.<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(c.sessionToken()
                        .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                                token -> AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), token))
                        .orElseGet(() -> AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }
}
