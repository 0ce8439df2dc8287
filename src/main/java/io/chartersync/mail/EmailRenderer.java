package io.chartersync.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders {@link EmailContent} as a plain-text part (by hand) and an HTML part (JTE, auto-escaped). */
public final class EmailRenderer {
    private final TemplateEngine templates;

    public EmailRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public record Rendered(String subject, String text, String html) {}

    public Rendered render(EmailContent content) {
        StringOutput html = new StringOutput();
        templates.render("mail/email.jte", content, html);
        return new Rendered(content.subject(), text(content), html.toString());
    }

    static String text(EmailContent content) {
        StringBuilder out = new StringBuilder();
        out.append(content.heading()).append("\n\n");
        if (!content.intro().isBlank()) {
            out.append(content.intro()).append("\n\n");
        }
        for (EmailContent.Row row : content.rows()) {
            out.append(row.label()).append(": ").append(row.value()).append('\n');
        }
        content.action()
                .ifPresent(a -> out.append('\n')
                        .append(a.label())
                        .append(":\n")
                        .append(a.url())
                        .append('\n'));
        if (!content.footer().isBlank()) {
            out.append("\n-- \n").append(content.footer()).append('\n');
        }
        return out.toString();
    }
}
