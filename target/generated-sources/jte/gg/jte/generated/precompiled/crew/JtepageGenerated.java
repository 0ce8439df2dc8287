package gg.jte.generated.precompiled.crew;
@SuppressWarnings("unchecked")
public final class JtepageGenerated {
	public static final String JTE_NAME = "crew/page.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,1,1,8,8,8,8,8,8,28,28,30,30,32,32,33,33,35,35,37,37,37,39,39,39,40,40,40,41,41,41,42,42,42,42,42,42,42,42,42,42,42,42,43,43,43,44,44,45,45,45,46,46,47,47,48,48,48,49,49,50,50,50,50,50,50,50,50,51,51,52,52,52,53,53,54,54,55,55,55,55,55,55,55,55,55,55,55,55,56,56,57,57,57,60,60,63,63,63,63,68,68,72,72,73,73,73,73,73,73,73,73,73,74,74,76,76,76,76,81,81,81,0,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, io.chartersync.crew.CrewPage page) {
		var v = page.view();
		jteOutput.writeContent("\n<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(v.boat());
		jteOutput.writeContent(" charter, ");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(v.shortWhen());
		jteOutput.writeContent("</title>\n<style>\nbody{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6f8;color:#1b2733;line-height:1.5}\nmain{max-width:560px;margin:0 auto;padding:16px}\n.card{background:#fff;border-radius:10px;padding:16px 20px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}\nh1{font-size:1.4rem;margin:.2rem 0 1rem}\ndl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}\ndt{color:#53606c;font-weight:600}\ndd{margin:0}\n.actions{display:flex;gap:12px}\nbutton{flex:1;font-size:1.1rem;padding:14px;border-radius:8px;border:0;font-weight:600}\n.confirm{background:#0b6b3a;color:#fff}\n.decline{background:#fff;color:#9b1c1c;border:2px solid #9b1c1c}\n.notice{padding:12px 16px;border-radius:8px;background:#e7f3ec;color:#0b3d22;margin-bottom:16px}\n.cancelled{background:#fdecea;color:#7a1410}\na{color:#0b5cad}\n</style>\n</head>\n<body>\n<main>\n");
		if (page.justConfirmed()) {
			jteOutput.writeContent("\n<p class=\"notice\" role=\"status\">Thanks, you confirmed. The captain has been told.</p>\n");
		} else if (page.justDeclined()) {
			jteOutput.writeContent("\n<p class=\"notice\" role=\"status\">You declined. The operator has been told.</p>\n");
		}
		jteOutput.writeContent("\n");
		if (v.cancelled()) {
			jteOutput.writeContent("\n<p class=\"notice cancelled\" role=\"status\">This charter is cancelled.</p>\n");
		}
		jteOutput.writeContent("\n<section class=\"card\">\n<h1>");
		jteOutput.setContext("h1", null);
		jteOutput.writeUserContent(v.eventName());
		jteOutput.writeContent("</h1>\n<dl>\n<dt>When</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.when());
		jteOutput.writeContent("</dd>\n<dt>Duration</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.duration());
		jteOutput.writeContent("</dd>\n<dt>Boat</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.boat());
		jteOutput.writeContent("</dd>\n<dt>Where</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.location());
		jteOutput.writeContent(" (<a");
		var __jte_html_attribute_0 = v.mapUrl();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_0);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(" rel=\"noopener\">map</a>)</dd>\n<dt>Your role</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.role());
		jteOutput.writeContent("</dd>\n");
		if (v.hourlyRate().isPresent()) {
			jteOutput.writeContent("\n<dt>Your rate</dt><dd>$");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.hourlyRate().get().toPlainString());
			jteOutput.writeContent(" an hour</dd>\n");
		}
		jteOutput.writeContent("\n");
		if (v.expectedPay().isPresent()) {
			jteOutput.writeContent("\n<dt>Expected pay</dt><dd>$");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.expectedPay().get().toPlainString());
			jteOutput.writeContent("</dd>\n");
		}
		jteOutput.writeContent("\n<dt>Guest</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.guestName());
		if (v.partySize().isPresent()) {
			jteOutput.writeContent(", party of ");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.partySize().get());
		}
		jteOutput.writeContent("</dd>\n");
		if (!v.crewNote().isBlank()) {
			jteOutput.writeContent("\n<dt>Note</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.crewNote());
			jteOutput.writeContent("</dd>\n");
		}
		jteOutput.writeContent("\n");
		if (!v.guestPageUrl().isBlank()) {
			jteOutput.writeContent("\n<dt>Guest page</dt><dd><a");
			var __jte_html_attribute_1 = v.guestPageUrl();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
				jteOutput.writeContent(" href=\"");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(__jte_html_attribute_1);
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(v.guestPageUrl());
			jteOutput.writeContent("</a></dd>\n");
		}
		jteOutput.writeContent("\n<dt>Your answer</dt><dd>");
		jteOutput.setContext("dd", null);
		jteOutput.writeUserContent(v.answer().map(a -> a.equals("confirm") ? "confirmed" : "declined").orElse("not yet answered"));
		jteOutput.writeContent("</dd>\n</dl>\n</section>\n");
		if (!v.cancelled()) {
			jteOutput.writeContent("\n<section class=\"card\">\n<h2>Can you make it?</h2>\n<form method=\"post\" action=\"/m/");
			jteOutput.setContext("form", "action");
			jteOutput.writeUserContent(page.token());
			jteOutput.setContext("form", null);
			jteOutput.writeContent("/respond\" class=\"actions\">\n<button class=\"confirm\" type=\"submit\" name=\"answer\" value=\"confirm\">Confirm</button>\n<button class=\"decline\" type=\"submit\" name=\"answer\" value=\"decline\">Decline</button>\n</form>\n</section>\n");
		}
		jteOutput.writeContent("\n<section class=\"card\">\n<h2>Crew</h2>\n<ul>\n");
		for (var t : v.crew()) {
			jteOutput.writeContent("\n<li>");
			jteOutput.setContext("li", null);
			jteOutput.writeUserContent(t.name());
			jteOutput.writeContent(", ");
			jteOutput.setContext("li", null);
			jteOutput.writeUserContent(t.role());
			jteOutput.writeContent(": ");
			jteOutput.setContext("li", null);
			jteOutput.writeUserContent(t.answer());
			jteOutput.writeContent("</li>\n");
		}
		jteOutput.writeContent("\n</ul>\n<p><a href=\"/m/");
		jteOutput.setContext("a", "href");
		jteOutput.writeUserContent(page.token());
		jteOutput.setContext("a", null);
		jteOutput.writeContent("/calendar.ics\">Add my charters to my calendar</a></p>\n</section>\n</main>\n</body>\n</html>\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		io.chartersync.crew.CrewPage page = (io.chartersync.crew.CrewPage)params.get("page");
		render(jteOutput, jteHtmlInterceptor, page);
	}
}
