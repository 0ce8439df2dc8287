package io.chartersync.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the guest site is published: {@code s3://bucket/prefix?region=us-west-2&endpoint=http://host:9000}.
 * Keys are stored under {@code prefix} (none when empty); {@code region} defaults to {@code us-east-1}; an
 * {@code endpoint} names any S3-compatible store, addressed path-style ({@code endpoint/bucket/key}).
 */
public record StorageUrl(String bucket, String prefix, String region, Optional<URI> endpoint) {
    public static final String FORMS =
            "s3://bucket/prefix?region=us-east-1, or s3://bucket/prefix?endpoint=http://host:9000 for an S3-compatible store";
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern REGION = Pattern.compile("^[a-z0-9-]{2,32}$");

    public StorageUrl {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("names no valid bucket (3–63 lowercase letters, digits, dots, hyphens)");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("has a region that is not one (like us-west-2)");
        }
        prefix = trimSlashes(prefix);
        if (prefix.contains("//") || ("/" + prefix + "/").contains("/../")) {
            throw new IllegalArgumentException("has a prefix with an empty or '..' part");
        }
    }

    /** Reads the value; an {@link IllegalArgumentException} says what is wrong without repeating it. */
    public static StorageUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL");
        }
        if (!"s3".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("must start with s3://bucket");
        }
        if (uri.getRawUserInfo() != null || uri.getPort() != -1) {
            throw new IllegalArgumentException(
                    "takes no user, password or port (credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
        String region = "us-east-1";
        Optional<URI> endpoint = Optional.empty();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String setting = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (name) {
                    case "region" -> region = setting;
                    case "endpoint" -> endpoint = Optional.of(endpoint(setting));
                    default ->
                        throw new IllegalArgumentException(
                                "has an unknown setting '" + name + "' (only region and endpoint)");
                }
            }
        }
        return new StorageUrl(
                uri.getRawAuthority(),
                decode(Optional.ofNullable(uri.getRawPath()).orElse("")),
                region,
                endpoint);
    }

    /** The object key of {@code key} under the prefix. */
    public String key(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** Path-style addressing: an S3-compatible store at its own endpoint. */
    public boolean pathStyle() {
        return endpoint.isPresent();
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + "?region=" + region
                + endpoint.map(e -> "&endpoint=" + e).orElse("");
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("has an endpoint that is not an http(s) URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("has an endpoint with a user or password in it");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("has an endpoint that is not a URL");
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a malformed %-escape");
        }
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+", "").replaceAll("/+$", "");
    }
}
