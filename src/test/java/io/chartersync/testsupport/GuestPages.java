package io.chartersync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A booking's guest page as a guest's phone sees it, and what the page carries for uploads. */
public final class GuestPages {
    private static final Pattern TOKEN = Pattern.compile("name=\"upload_token\" value=\"([^\"]+)\"");

    private GuestPages() {}

    /** The path of a booking's guest page ({@code /g/<slug>/}), from its status document. */
    public static String path(RunningApp app, com.fasterxml.jackson.databind.JsonNode status) {
        return app.bookings().pathOf(status.at("/guest_page/url").asText());
    }

    /** The slug in a guest page path. */
    public static String slug(String path) {
        return path.replaceAll("^/g/([^/]+)/?$", "$1");
    }

    /** The upload token the page's form carries. */
    public static String uploadToken(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("an upload token in the page").isTrue();
        return m.group(1);
    }
}
