package io.chartersync.feed;

import io.chartersync.common.AppException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A feed's URL: checked when a feed is added, and shown only masked (the URL is a secret: marketplaces put
 * the calendar's access token in its path or query). No message here ever holds the path or the query.
 */
final class FeedUrl {
    static final int MAX_LENGTH = 2048;

    private FeedUrl() {}

    /**
     * The URL when it is an absolute http or https URL with a host (no user info), else why not, in words
     * for the {@code url} field's 400. Addresses are checked at connection time, not here.
     */
    static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        URI url;
        try {
            url = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL (spaces and some characters must be percent-encoded)");
        }
        if (!url.isAbsolute() || url.isOpaque()) {
            throw invalid("must be an absolute URL starting with https:// or http://");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("must start with https:// or http:// (not " + shortScheme(scheme) + ")");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid("must not hold a user name or password");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid("has no host name (or the host name has characters a host cannot have)");
        }
        return url;
    }

    /**
     * "https://www.boatsetter.com/…": the scheme, host and a non-default port, then "/…" when the URL has a
     * path or a query, so the secret path and query never show (a bare "/" path counts as none). The host is
     * shown in lower case; a fragment is never sent, and never shown.
     */
    static String masked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://");
        out.append(url.getHost() == null ? "?" : url.getHost().toLowerCase(Locale.ROOT));
        int port = url.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null) {
            out.append("/\u2026");
        }
        return out.toString();
    }

    private static String shortScheme(String scheme) {
        return scheme.length() > 20 ? scheme.substring(0, 20) + "\u2026" : scheme;
    }

    private static AppException.InvalidInput invalid(String why) {
        return AppException.InvalidInput.of("url", "the feed URL " + why);
    }
}
