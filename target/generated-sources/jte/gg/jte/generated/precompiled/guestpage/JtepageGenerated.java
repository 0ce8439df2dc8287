package gg.jte.generated.precompiled.guestpage;
@SuppressWarnings("unchecked")
public final class JtepageGenerated {
	public static final String JTE_NAME = "guestpage/page.jte";
	public static final int[] JTE_LINE_INFO = {0,0,0,0,0,7,7,7,7,7,7,7,26,26,30,30,30,31,31,31,35,35,37,37,37,38,38,38,43,43,43,44,44,44,45,45,45,46,46,46,47,47,47,47,47,47,47,47,47,47,47,47,48,48,48,48,48,48,48,48,50,50,51,51,51,52,52,58,58,58,58,58,58,58,58,58,64,64,68,68,68,0,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, io.chartersync.guestpage.GuestView v) {
		jteOutput.writeContent("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>Your ");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(v.boat());
		jteOutput.writeContent(" charter, ");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(v.date());
		jteOutput.writeContent("</title>\n<style>\nbody{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#eef4f8;color:#14212b;line-height:1.5}\nmain{max-width:600px;margin:0 auto;padding:16px}\nheader{background:#0b4f7c;color:#fff;border-radius:12px;padding:20px;margin-bottom:16px}\nheader h1{margin:0;font-size:1.5rem}\nheader p{margin:.3rem 0 0}\n.card{background:#fff;border-radius:12px;padding:16px 20px;margin-bottom:16px}\ndl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;margin:0}\ndt{color:#4a5a66;font-weight:600}\ndd{margin:0}\na{color:#0b5cad}\nlabel{display:block;font-weight:600;margin-bottom:.5rem}\nbutton{margin-top:12px;font-size:1rem;padding:12px 18px;border-radius:8px;border:0;background:#0b4f7c;color:#fff;font-weight:600}\n.cancelled{background:#fdecea;color:#7a1410}\n</style>\n</head>\n<body>\n<main>\n");
		if (v.cancelled()) {
			jteOutput.writeContent("\n<header class=\"cancelled\"><h1>This charter was cancelled</h1></header>\n<section class=\"card\">\n<dl>\n<dt>Boat</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.boat());
			jteOutput.writeContent("</dd>\n<dt>Date</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.date());
			jteOutput.writeContent("</dd>\n</dl>\n<p>If you have questions, please contact your charter operator.</p>\n</section>\n");
		} else {
			jteOutput.writeContent("\n<header>\n<h1>Welcome aboard, ");
			jteOutput.setContext("h1", null);
			jteOutput.writeUserContent(v.guestName());
			jteOutput.writeContent("!</h1>\n<p>Your charter on ");
			jteOutput.setContext("p", null);
			jteOutput.writeUserContent(v.boat());
			jteOutput.writeContent("</p>\n</header>\n<section class=\"card\" aria-labelledby=\"details\">\n<h2 id=\"details\">Your charter</h2>\n<dl>\n<dt>Date</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.date());
			jteOutput.writeContent("</dd>\n<dt>Time</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.time());
			jteOutput.writeContent("</dd>\n<dt>Duration</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.duration());
			jteOutput.writeContent("</dd>\n<dt>Boat</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.boat());
			jteOutput.writeContent("</dd>\n<dt>Meeting point</dt><dd>");
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
			jteOutput.writeContent(" rel=\"noopener\">map</a>)</dd>\n<dt>Guest</dt><dd>");
			jteOutput.setContext("dd", null);
			jteOutput.writeUserContent(v.guestName());
			if (v.partySize().isPresent()) {
				jteOutput.writeContent(", party of ");
				jteOutput.setContext("dd", null);
				jteOutput.writeUserContent(v.partySize().get());
			}
			jteOutput.writeContent("</dd>\n</dl>\n");
			if (!v.guestNote().isBlank()) {
				jteOutput.writeContent("\n<p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(v.guestNote());
				jteOutput.writeContent("</p>\n");
			}
			jteOutput.writeContent("\n</section>\n<section class=\"card\" aria-labelledby=\"photos\">\n<h2 id=\"photos\">Your photos</h2>\n<p>After the trip, share your photos here.</p>\n<form method=\"post\" action=\"/g/presign\" enctype=\"multipart/form-data\">\n<input type=\"hidden\" name=\"slug\"");
			var __jte_html_attribute_1 = v.slug();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
				jteOutput.writeContent(" value=\"");
				jteOutput.setContext("input", "value");
				jteOutput.writeUserContent(__jte_html_attribute_1);
				jteOutput.setContext("input", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(">\n<label for=\"photo\">Choose a photo</label>\n<input id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/jpeg,image/png,image/webp,image/heic\">\n<button type=\"submit\">Upload</button>\n</form>\n</section>\n");
		}
		jteOutput.writeContent("\n</main>\n</body>\n</html>\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		io.chartersync.guestpage.GuestView v = (io.chartersync.guestpage.GuestView)params.get("v");
		render(jteOutput, jteHtmlInterceptor, v);
	}
}
