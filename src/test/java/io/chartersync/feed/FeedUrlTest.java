package io.chartersync.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartersync.common.AppException;
import io.chartersync.common.FieldError;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://www.boatsetter.com/calendars/abc123.ics?token=s3cret",
                "http://feeds.example.com/x.ics",
                "HTTPS://Calendar.Example.COM:8443/ical/s3cret",
                "  https://www.airbnb.com/calendar/ical/123.ics?s=s3cret  ",
                "https://[2001:db8::1]/feed.ics",
                "https://93.184.216.34/feed.ics",
            })
    void an_absolute_http_or_https_url_with_a_host_is_accepted(String text) {
        URI url = FeedUrl.parse(text);

        assertThat(url.toString()).isEqualTo(text.strip());
        assertThat(url.getHost()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://files.example.com/s3cret.ics|https:// or http://",
                "file:///etc/s3cret|https:// or http://",
                "webcal://www.example.com/s3cret.ics|https:// or http://",
                "javascript:alert(1)|absolute URL",
                "mailto:s3cret@example.com|absolute URL",
                "/calendars/s3cret.ics|absolute URL",
                "www.example.com/s3cret.ics|absolute URL",
                "https://user:s3cret@example.com/feed.ics|user name or password",
                "https:///s3cret.ics|no host",
                "https://exa_mple.com/s3cret.ics|no host",
                "https://example.com/s3cret feed.ics|not a valid URL",
                "'   '|required",
            })
    void anything_else_is_refused_for_the_url_field_without_echoing_the_secret(String text, String why) {
        assertThatThrownBy(() -> FeedUrl.parse(text)).isInstanceOfSatisfying(AppException.InvalidInput.class, e -> {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("url");
                assertThat(error.detail()).contains(why).doesNotContain("s3cret");
            });
            assertThat(e.getMessage()).doesNotContain("s3cret");
        });
    }

    @Test
    void null_and_overlong_urls_are_refused() {
        assertThatThrownBy(() -> FeedUrl.parse(null)).isInstanceOf(AppException.InvalidInput.class);
        String atLimit = "https://example.com/" + "a".repeat(FeedUrl.MAX_LENGTH - 20);
        assertThat(FeedUrl.parse(atLimit)).hasToString(atLimit);
        assertThatThrownBy(() -> FeedUrl.parse(atLimit + "s3cret"))
                .isInstanceOfSatisfying(
                        AppException.InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::detail)
                                .singleElement()
                                .asString()
                                .contains("2048")
                                .doesNotContain("s3cret"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://www.boatsetter.com/calendars/s3cret.ics|https://www.boatsetter.com/\u2026",
                "https://www.boatsetter.com/?token=s3cret|https://www.boatsetter.com/\u2026",
                "https://www.boatsetter.com?token=s3cret|https://www.boatsetter.com/\u2026",
                "HTTPS://WWW.Example.com:443/s3cret|https://www.example.com/\u2026",
                "http://example.com:80/s3cret|http://example.com/\u2026",
                "http://example.com:8080/s3cret|http://example.com:8080/\u2026",
                "https://example.com:80/s3cret|https://example.com:80/\u2026",
                "https://example.com|https://example.com",
                "https://example.com/|https://example.com",
                "https://[2001:db8::1]:8443/s3cret|https://[2001:db8::1]:8443/\u2026",
            })
    void the_masked_url_shows_scheme_host_and_port_but_never_the_path_or_query(String url, String masked) {
        assertThat(FeedUrl.masked(FeedUrl.parse(url))).isEqualTo(masked).doesNotContain("s3cret");
    }
}
