package io.chartersync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser tests' own checks find what they look for, so an empty result means something. */
class BrowserChecksTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void an_inline_script_refused_by_the_content_security_policy_is_a_problem() {
        Page page = browser.phone().newPage();
        List<String> problems = Browser.problems(page);

        page.setContent("""
                <!DOCTYPE html><html lang="en"><head>
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'">
                </head><body><script>document.title = 'ran';</script><p>hello</p></body></html>""");

        assertThat(page.title()).isNotEqualTo("ran");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Content Security Policy"));
    }

    @Test
    void the_accessibility_checker_names_every_kind_of_violation() {
        Page page = browser.phone().newPage();
        page.setContent("""
                <!DOCTYPE html><html><head><style>.pale{color:#aaa;background:#fff}</style></head><body>
                <h1>One</h1><h3>Skipped a level</h3><h1>Two</h1>
                <img src="data:," width="10" height="10">
                <input id="nameless" type="text">
                <a href="/somewhere"></a>
                <p class="pale">Hard to read</p>
                <p class="actions"><a href="/x" style="font-size:10px;line-height:1">tiny</a></p>
                <button style="padding:0;font-size:10px;line-height:1">Go</button>
                </body></html>""");

        List<String> violations = Browser.accessibilityViolations(page);

        assertThat(String.join("\n", violations))
                .contains(
                        "no lang attribute",
                        "image without alt text",
                        "form control without a label: <input#nameless>",
                        "expected exactly one h1, found 2",
                        "heading level skipped (h1 then h3)",
                        "link without discernible text: /somewhere",
                        "contrast 2.32:1 below 4.5:1",
                        "tap target",
                        "\"tiny\"",
                        "\"Go\"");
    }
}
