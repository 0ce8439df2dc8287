package io.chartersync.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders {@link EmailContent} into both parts of an email from JTE templates: the HTML part from {@code
 * mail/email.jte} (auto-escaped), the plain-text part from {@code src/main/jte-text/mail/email.jte}. Every
 * kind of email (invitation, change, removal, cancellation, summary, briefing, alerts) says its words in
 * one {@link EmailContent}, so the two parts always agree.
 */
public final class EmailRenderer {
    private static final String TEXT_TEMPLATES = "gg.jte.generated.text";
    private final TemplateEngine html;
    private final TemplateEngine text;

    EmailRenderer(TemplateEngine html) {
        this.html = html;
        this.text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null, TEXT_TEMPLATES);
    }

    public record Rendered(String subject, String text, String html) {}

    public Rendered render(EmailContent content) {
        StringOutput htmlPart = new StringOutput();
        html.render("mail/email.jte", content, htmlPart);
        StringOutput textPart = new StringOutput();
        text.render("mail/email.jte", content, textPart);
        return new Rendered(content.subject(), textPart.toString(), htmlPart.toString());
    }
}
