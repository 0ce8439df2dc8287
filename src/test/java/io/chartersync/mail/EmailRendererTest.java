package io.chartersync.mail;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both parts of an email come from JTE templates: the text part plain, the HTML part escaped. */
class EmailRendererTest {
    private final EmailRenderer renderer = new EmailRenderer(TemplateEngine.createPrecompiled(ContentType.Html));

    private static EmailContent content(String value) {
        return new EmailContent(
                "Confirm: JADA charter Thu May 30, 9:00 AM",
                "You're on the crew: Boatsetter Charter",
                "Hi Sam, you are assigned as crew.",
                List.of(
                        new EmailContent.Row("When", "Thu, May 30, 2024 at 9:00 AM PDT"),
                        new EmailContent.Row("Note", value)),
                Optional.of(new EmailContent.Action("View and confirm", "https://crew.example.org/m/TOKEN")),
                "Sent by Charter Sync.");
    }

    @Test
    void the_text_part_lays_out_heading_intro_rows_action_and_footer() {
        EmailRenderer.Rendered mail = renderer.render(content("Cake on board"));

        assertThat(mail.text()).isEqualTo("""
                        You're on the crew: Boatsetter Charter

                        Hi Sam, you are assigned as crew.

                        When: Thu, May 30, 2024 at 9:00 AM PDT
                        Note: Cake on board

                        View and confirm:
                        https://crew.example.org/m/TOKEN

                        --\s
                        Sent by Charter Sync.
                        """);
    }

    @Test
    void markup_in_a_value_is_escaped_in_html_and_left_as_typed_in_text() {
        EmailRenderer.Rendered mail = renderer.render(content("<script>alert(1)</script> & \"quotes\""));

        assertThat(mail.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;")
                .doesNotContain("<script>");
        assertThat(mail.text()).contains("Note: <script>alert(1)</script> & \"quotes\"");
    }
}
