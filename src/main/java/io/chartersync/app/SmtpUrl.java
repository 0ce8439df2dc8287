package io.chartersync.app;

import io.chartersync.mail.SmtpServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code SMTP_URL}: {@code smtp://user:password@host:port} (STARTTLS when the server offers it, port
 * 587 unless given) or {@code smtps://…} (TLS from the first byte, port 465 unless given). User and password
 * are optional and URL-encoded. No message repeats any part of the value, since it may hold the password.
 */
final class SmtpUrl {
    private static final String FORMS =
            "smtp://user:password@host:port or smtps://user:password@host:port, user and password URL-encoded";

    private SmtpUrl() {}

    static SmtpServer parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL");
        }
        boolean implicitTls = switch (Optional.ofNullable(uri.getScheme())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("")) {
            case "smtp" -> false;
            case "smtps" -> true;
            default -> throw invalid("must start with smtp:// or smtps://");
        };
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("names no host");
        }
        if (!Optional.ofNullable(uri.getRawPath())
                        .orElse("")
                        .replaceFirst("^/$", "")
                        .isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid("takes no path, query or fragment");
        }
        int port = uri.getPort() != -1
                ? uri.getPort()
                : implicitTls ? SmtpServer.IMPLICIT_TLS_PORT : SmtpServer.SUBMISSION_PORT;
        if (port < 1 || port > 65535) {
            throw invalid("has a port outside 1–65535");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)))
                    .filter(u -> !u.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
            if (user.isEmpty() && password.isPresent()) {
                throw invalid("has a password but no user");
            }
        }
        return new SmtpServer(implicitTls, uri.getHost(), port, user, password);
    }

    /** Percent-decoding only: a {@code +} stays a plus (SES passwords hold them), unlike form decoding. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed %-escape in its user or password");
        }
    }

    private static ConfigException invalid(String why) {
        return new ConfigException("SMTP_URL " + why + " (" + FORMS + ")");
    }
}
