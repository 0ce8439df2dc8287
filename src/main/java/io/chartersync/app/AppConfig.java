package io.chartersync.app;

import io.chartersync.common.Hashes;
import io.chartersync.common.JsonFields;
import io.chartersync.common.OperatorContact;
import io.chartersync.mail.SmtpServer;
import io.chartersync.storage.AwsKeys;
import io.chartersync.storage.StorageUrl;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The whole configuration, read once from the environment and the command line (flags win). A bad or
 * missing setting stops the start with a {@link ConfigException} naming the setting. {@code
 * feedAllowPrivateAddresses} ({@code FEED_ALLOW_PRIVATE_ADDRESSES}, default false): marketplace feeds may be
 * fetched from loopback and private addresses (tests, local set-ups).
 */
public record AppConfig(
        Http http,
        Path dataDir,
        Db db,
        Keys keys,
        Mail mail,
        Storage storage,
        ZoneId marinaZone,
        int taskThreads,
        Duration unansweredAlert,
        Webhooks webhooks,
        boolean feedAllowPrivateAddresses) {

    /** The most {@code UNANSWERED_ALERT_HOURS} may be: 30 days. */
    static final int MAX_UNANSWERED_ALERT_HOURS = 720;

    public AppConfig {
        if (db.url().isPresent()) {
            keys.requireForProduction();
        }
        if (taskThreads < 1 || taskThreads > 256) {
            throw new ConfigException("TASK_THREADS must be between 1 and 256, was " + taskThreads);
        }
        if (unansweredAlert.compareTo(Duration.ofHours(1)) < 0
                || unansweredAlert.compareTo(Duration.ofHours(MAX_UNANSWERED_ALERT_HOURS)) > 0) {
            throw new ConfigException("UNANSWERED_ALERT_HOURS must be between 1 and " + MAX_UNANSWERED_ALERT_HOURS
                    + ", was " + unansweredAlert.toHours());
        }
    }

    /** Production mode: an external PostgreSQL, secrets required. */
    public boolean production() {
        return db.url().isPresent();
    }

    /**
     * {@code linkLimits}: requests a minute allowed to {@code /m/*} per magic link and per client address;
     * {@code clientAddressHeader}: the header a proxy in front sets with the client's address, if any.
     */
    public record Http(int port, URI publicBaseUrl, RateLimits linkLimits, Optional<String> clientAddressHeader) {
        public Http {
            if (port < 0 || port > 65535) {
                throw new ConfigException("PORT must be between 0 and 65535, was " + port);
            }
            clientAddressHeader.filter(h -> !h.matches("^[A-Za-z0-9-]{1,64}$")).ifPresent(h -> {
                throw new ConfigException(
                        "CLIENT_ADDRESS_HEADER must be a header name such as X-Forwarded-For, was " + h);
            });
        }
    }

    /** Requests a minute: to {@code /m/*} per link and per address; photo uploads per address. */
    public record RateLimits(int perLink, int perAddress, int uploadsPerAddress) {
        public RateLimits {
            if (perLink < 1 || perAddress < 1 || uploadsPerAddress < 1) {
                throw new ConfigException("LINK_RATE_LIMIT_PER_TOKEN, LINK_RATE_LIMIT_PER_ADDRESS and"
                        + " UPLOAD_RATE_LIMIT_PER_ADDRESS must be at least 1 (requests a minute)");
            }
        }
    }

    /** The database; an empty url means the embedded PostgreSQL under {@code dataDir/pg}. */
    public record Db(Optional<String> url) {}

    /** Hashes of the operator token and the crew-service key; a raw link-signing key. */
    public record Keys(
            List<String> dashboardTokenHashes, List<String> serviceKeyHashes, Optional<String> linkSigningKey) {
        public Keys {
            dashboardTokenHashes = List.copyOf(dashboardTokenHashes);
            serviceKeyHashes = List.copyOf(serviceKeyHashes);
        }

        void requireForProduction() {
            if (dashboardTokenHashes.isEmpty()) {
                throw new ConfigException("DASHBOARD_TOKEN_HASH is required in production mode (DATABASE_URL is set): "
                        + "set it to the hex SHA-256 of the operator token");
            }
            if (serviceKeyHashes.isEmpty()) {
                throw new ConfigException("SERVICE_KEY_HASH is required in production mode (DATABASE_URL is set): "
                        + "set it to the hex SHA-256 of the crew-service key");
            }
        }
    }

    /**
     * {@code smtp}: the server of {@code SMTP_URL}; unset, each email is written as a file under {@code
     * dataDir/mail}. {@code operatorEmail}: where operator alerts go (a calendar conflict); unset, the
     * captain gets them. {@code operatorName}, {@code operatorPhone} and {@code operatorEmail} are the
     * operator's contact on every guest page and guest email ({@link #operatorContact()}).
     */
    public record Mail(
            Optional<SmtpServer> smtp,
            String from,
            Optional<String> operatorEmail,
            Optional<String> operatorName,
            Optional<String> operatorPhone) {
        private static final int MAX_NAME = 100;

        public Mail {
            operatorEmail.filter(e -> !JsonFields.isEmail(e)).ifPresent(e -> {
                throw new ConfigException("OPERATOR_EMAIL is not an email address: " + e);
            });
            operatorName
                    .filter(n -> n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl))
                    .ifPresent(n -> {
                        throw new ConfigException(
                                "OPERATOR_NAME must be one line of at most " + MAX_NAME + " characters");
                    });
            operatorPhone
                    .filter(p -> !p.matches("\\+?[0-9 ().-]{3,40}")
                            || p.replaceAll("[^0-9]", "").length() < 3)
                    .ifPresent(p -> {
                        throw new ConfigException(
                                "OPERATOR_PHONE must be a phone number (digits, spaces, + ( ) . -), was " + p);
                    });
            try {
                new InternetAddress(from, true).validate();
            } catch (AddressException e) {
                throw new ConfigException(
                        "MAIL_FROM is not a mail address (e.g. Charter Sync <ops@example.com>): " + from);
            }
        }

        /** What guests are shown of the operator: only what is set. */
        public OperatorContact operatorContact() {
            return new OperatorContact(operatorName, operatorPhone, operatorEmail);
        }
    }

    /**
     * {@code url}: the S3 location of {@code STORAGE_URL}; unset, the guest site is written under {@code
     * dataDir/site}. {@code cdnDistributionId}: the CloudFront distribution to invalidate after a publish.
     * {@code credentials}: AWS keys from the configuration; unset, the AWS SDK's default chain finds them.
     */
    public record Storage(Optional<StorageUrl> url, Optional<String> cdnDistributionId, Optional<AwsKeys> credentials) {
        public Storage {
            cdnDistributionId.filter(id -> !id.matches("[A-Z0-9]{1,64}")).ifPresent(id -> {
                throw new ConfigException(
                        "CDN_DISTRIBUTION_ID is not a CloudFront distribution id (capital letters and digits, like E2QWRUHAPOMQZL)");
            });
        }

        static Storage from(Settings s) {
            Optional<StorageUrl> url = s.optional("STORAGE_URL").map(Storage::storageUrl);
            Optional<String> distribution = s.optional("CDN_DISTRIBUTION_ID");
            Optional<String> keyId = s.optional("AWS_ACCESS_KEY_ID");
            Optional<String> secret = s.optional("AWS_SECRET_ACCESS_KEY");
            if ((url.isPresent() || distribution.isPresent()) && keyId.isPresent() != secret.isPresent()) {
                throw new ConfigException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, "
                        + "or neither (then the AWS SDK finds credentials itself, e.g. an instance role)");
            }
            Optional<AwsKeys> credentials =
                    keyId.flatMap(id -> secret.map(key -> new AwsKeys(id, key, s.optional("AWS_SESSION_TOKEN"))));
            return new Storage(url, distribution, credentials);
        }

        private static StorageUrl storageUrl(String value) {
            try {
                return StorageUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("STORAGE_URL " + e.getMessage() + " (" + StorageUrl.FORMS + ")");
            }
        }
    }

    /**
     * The signing secrets of signed webhooks by source, from {@code WEBHOOK_SECRETS} ({@code source=whsec_…},
     * comma-separated; a source named twice during a rotation), checked as read ({@link WebhookSecrets}).
     */
    public record Webhooks(Map<String, List<String>> secrets) {
        public Webhooks {
            secrets = Map.copyOf(secrets);
        }

        /** The sources only: the secrets are never printed. */
        @Override
        public String toString() {
            return "Webhooks[sources=" + new TreeSet<>(secrets.keySet()) + "]";
        }

        static Webhooks from(Settings s) {
            return new Webhooks(s.optional(WebhookSecrets.VARIABLE)
                    .map(v -> WebhookSecrets.parse(v, WebhookSecrets.VARIABLE))
                    .orElse(Map.of()));
        }
    }

    /** Reads the configuration; {@code flags} are command-line overrides keyed like the environment. */
    public static AppConfig from(Map<String, String> env, Map<String, String> flags) {
        Settings s = new Settings(env, flags);
        if (s.isPlaceholder("DATABASE_URL")) {
            throw new ConfigException(
                    "DATABASE_URL holds an unresolved placeholder; set it to a PostgreSQL URL, or unset it for the embedded database");
        }
        s.optional("LOG_FORMAT")
                .filter(f -> !f.equalsIgnoreCase("text") && !f.equalsIgnoreCase("json"))
                .ifPresent(f -> {
                    throw new ConfigException("LOG_FORMAT must be text or json, was " + f);
                });
        int port = s.integer("PORT", 8080);
        URI base = s.optional("PUBLIC_BASE_URL").map(AppConfig::baseUrl).orElse(URI.create("http://localhost:" + port));
        Path dataDir =
                Path.of(s.optional("DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        Keys keys = new Keys(
                hashes(s, "DASHBOARD_TOKEN_HASH"), hashes(s, "SERVICE_KEY_HASH"), s.optional("LINK_SIGNING_KEY"));
        return new AppConfig(
                new Http(
                        port,
                        base,
                        new RateLimits(
                                s.integer("LINK_RATE_LIMIT_PER_TOKEN", 30),
                                s.integer("LINK_RATE_LIMIT_PER_ADDRESS", 100),
                                s.integer("UPLOAD_RATE_LIMIT_PER_ADDRESS", 30)),
                        s.optional("CLIENT_ADDRESS_HEADER")),
                dataDir,
                new Db(s.optional("DATABASE_URL")),
                keys,
                new Mail(
                        s.optional("SMTP_URL").map(SmtpUrl::parse),
                        s.optional("MAIL_FROM").orElse("Charter Sync <no-reply@chartersync.local>"),
                        s.optional("OPERATOR_EMAIL"),
                        s.optional("OPERATOR_NAME"),
                        s.optional("OPERATOR_PHONE")),
                Storage.from(s),
                zone(s.optional("MARINA_TIME_ZONE").orElse("America/Los_Angeles")),
                s.integer("TASK_THREADS", defaultTaskThreads()),
                Duration.ofHours(s.integer("UNANSWERED_ALERT_HOURS", 48)),
                Webhooks.from(s),
                s.bool("FEED_ALLOW_PRIVATE_ADDRESSES", false));
    }

    /**
     * Sync and delivery workers: three times the cores plus two. Measured on 2 cores (docs/performance.md):
     * with 6 the syncs fell behind a flood of bookings (p99 1.8 s); 8 keep up (p99 under 0.5 s); more only
     * make them wait on each other and on the database.
     */
    static int defaultTaskThreads() {
        return 3 * Runtime.getRuntime().availableProcessors() + 2;
    }

    private static List<String> hashes(Settings s, String name) {
        return s.optional(name)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .toList())
                .map(list -> {
                    for (String h : list) {
                        if (!Hashes.isSha256Hex(h)) {
                            throw new ConfigException(
                                    name + " must hold hex SHA-256 hashes (64 hex digits), comma-separated");
                        }
                    }
                    return list.stream().map(String::toLowerCase).toList();
                })
                .orElse(List.of());
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException("PUBLIC_BASE_URL must be an absolute http(s) URL, was " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PUBLIC_BASE_URL is not a URL: " + value);
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException("MARINA_TIME_ZONE is not an IANA time zone: " + value);
        }
    }

    /** Environment plus flags; empty values and unresolved placeholders (${...}) count as unset. */
    private record Settings(Map<String, String> env, Map<String, String> flags) {
        boolean isPlaceholder(String name) {
            String value = flags.containsKey(name) ? flags.get(name) : env.get(name);
            return value != null && value.strip().matches("\\$\\{.*}");
        }

        Optional<String> optional(String name) {
            String value = flags.containsKey(name) ? flags.get(name) : env.get(name);
            if (value == null || value.isBlank() || isPlaceholder(name)) {
                return Optional.empty();
            }
            return Optional.of(value.strip());
        }

        /** {@code true} or {@code false} (any case); anything else stops the start, naming the setting. */
        boolean bool(String name, boolean fallback) {
            return optional(name)
                    .map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> throw new ConfigException(name + " must be true or false, was " + v);
                    })
                    .orElse(fallback);
        }

        int integer(String name, int fallback) {
            return optional(name)
                    .map(v -> {
                        try {
                            return Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new ConfigException(name + " must be a number, was " + v);
                        }
                    })
                    .orElse(fallback);
        }
    }
}
