package io.chartersync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the operator console over plain HTTP: keeps its cookies (like a browser, by path),
 * follows no redirects, reads the CSRF token of the page it got last, and posts forms.
 */
public final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String lastCsrf;

    public ConsoleClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
    }

    public record Page(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The Set-Cookie header that sets {@code name}, whole (value and attributes). */
        public Optional<String> setCookie(String name) {
            return raw.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst();
        }
    }

    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    /** Posts a form; {@code fields} in order (a null value leaves the field out). */
    public Page post(String path, Map<String, String> fields) {
        return post(path, null, fields);
    }

    /** Posts a form, with a {@code Cookie} header of one's own (this client's cookies are not sent then). */
    public Page post(String path, String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            return remember(sendWithout(request.header("Cookie", cookie)));
        }
        return remember(send(request));
    }

    /** The CSRF token of the last page that had a form. */
    public String csrf() {
        if (lastCsrf == null) {
            throw new IllegalStateException("no page with a form has been opened yet");
        }
        return lastCsrf;
    }

    /** Opens the sign-in form and signs in with it. */
    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", form("csrf", csrf(), "email", email, "password", password));
    }

    /** The value of the session cookie this client holds, if any. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> c.getName().equals("cs_session"))
                .map(c -> c.getValue())
                .findFirst();
    }

    /** A request with only the given session cookie (as a copied cookie would be sent). */
    public Page getWithSession(String path, String session) {
        return sendWithout(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", "cs_session=" + session));
    }

    /** Sends without this client's cookies (the request names its own). */
    private static Page sendWithout(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form's fields, in order: name, value, name, value… */
    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private Page remember(Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            lastCsrf = m.group(1);
        }
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
