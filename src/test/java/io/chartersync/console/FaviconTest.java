package io.chartersync.console;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The program's own icon: served by us at both addresses browsers ask, and linked under a strict CSP. */
class FaviconTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void the_icon_is_ours_at_favicon_svg_and_ico_and_the_console_links_it_under_img_src_self() {
        TestHttp.Response svg = app.http().get("/favicon.svg", NOBODY);
        TestHttp.Response ico = app.http().get("/favicon.ico", NOBODY);
        TestHttp.Response login = app.http().get("/login", NOBODY);

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body())
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("#12324f");
        assertThat(svg.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(svg.header("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.body()).isEqualTo(svg.body());
        assertThat(login.body()).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
        assertThat(login.header("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self';")
                .doesNotContain("data:");
    }
}
