package gg.jte.generated.precompiled.mail;
@SuppressWarnings("unchecked")
public final class JteemailGenerated {
	public static final String JTE_NAME = "mail/email.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,6,6,6,6,10,10,10,11,11,12,12,12,13,13,15,15,16,16,16,16,16,16,17,17,19,19,20,20,20,20,20,20,20,20,20,20,20,20,21,21,21,22,22,23,23,24,24,24,25,25,29,29,29,0,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, io.chartersync.mail.EmailContent content) {
		jteOutput.writeContent("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(content.subject());
		jteOutput.writeContent("</title>\n</head>\n<body style=\"margin:0;padding:16px;background:#f4f6f8;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1b2733\">\n<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">\n<h1 style=\"font-size:20px;margin:0 0 12px\">");
		jteOutput.setContext("h1", null);
		jteOutput.writeUserContent(content.heading());
		jteOutput.writeContent("</h1>\n");
		if (!content.intro().isBlank()) {
			jteOutput.writeContent("\n<p style=\"font-size:16px;line-height:1.5;margin:0 0 16px\">");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(content.intro());
			jteOutput.writeContent("</p>\n");
		}
		jteOutput.writeContent("\n<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;font-size:15px\">\n");
		for (var row : content.rows()) {
			jteOutput.writeContent("\n<tr><th scope=\"row\" style=\"text-align:left;padding:6px 8px 6px 0;color:#53606c;font-weight:600;vertical-align:top\">");
			jteOutput.setContext("th", null);
			jteOutput.writeUserContent(row.label());
			jteOutput.writeContent("</th><td style=\"padding:6px 0\">");
			jteOutput.setContext("td", null);
			jteOutput.writeUserContent(row.value());
			jteOutput.writeContent("</td></tr>\n");
		}
		jteOutput.writeContent("\n</table>\n");
		if (content.action().isPresent()) {
			jteOutput.writeContent("\n<p style=\"margin:24px 0 8px\"><a");
			var __jte_html_attribute_0 = content.action().get().url();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
				jteOutput.writeContent(" href=\"");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(__jte_html_attribute_0);
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(" style=\"display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600\">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(content.action().get().label());
			jteOutput.writeContent("</a></p>\n<p style=\"font-size:13px;color:#53606c;word-break:break-all\">");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(content.action().get().url());
			jteOutput.writeContent("</p>\n");
		}
		jteOutput.writeContent("\n");
		if (!content.footer().isBlank()) {
			jteOutput.writeContent("\n<p style=\"font-size:13px;color:#53606c;margin-top:24px\">");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(content.footer());
			jteOutput.writeContent("</p>\n");
		}
		jteOutput.writeContent("\n</div>\n</body>\n</html>\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		io.chartersync.mail.EmailContent content = (io.chartersync.mail.EmailContent)params.get("content");
		render(jteOutput, jteHtmlInterceptor, content);
	}
}
