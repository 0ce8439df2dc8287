package io.chartersync.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fields of the first POST form of a console page with an action, as a browser would send them unchanged. */
final class HtmlForm {
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option([^>]*)>");

    private HtmlForm() {}

    /** Name to value of every field of the form posting to {@code action}. */
    static Map<String, String> fields(String html, String action) {
        int start = html.indexOf("action=\"" + action + "\"");
        if (start < 0) {
            throw new AssertionError("no form posting to " + action);
        }
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(form);
        while (m.find()) {
            String attrs = m.group(1);
            String type = attr(attrs, "type");
            if ("checkbox".equals(type) && !attrs.matches(".*\\schecked(\\s.*|$)")) {
                continue;
            }
            fields.put(attr(attrs, "name"), unescape(attr(attrs, "value")));
        }
        m = TEXTAREA.matcher(form);
        while (m.find()) {
            fields.put(attr(m.group(1), "name"), unescape(m.group(2)));
        }
        m = SELECT.matcher(form);
        while (m.find()) {
            String value = "";
            Matcher o = OPTION.matcher(m.group(2));
            while (o.find()) {
                if (o.group(1).matches(".*\\sselected(\\s.*|$)")) {
                    value = unescape(attr(o.group(1), "value"));
                }
            }
            fields.put(attr(m.group(1), "name"), value);
        }
        fields.remove(null);
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    static String unescape(String text) {
        return text == null
                ? ""
                : text.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&#34;", "\"")
                        .replace("&amp;", "&");
    }
}
