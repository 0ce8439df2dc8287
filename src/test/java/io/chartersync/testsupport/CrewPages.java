package io.chartersync.testsupport;

import io.chartersync.common.LinkTokens;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers on a crew page as a browser does: open the page, post its form with the page's CSRF token. */
public final class CrewPages {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private CrewPages() {}

    /** The CSRF token the crew page of {@code token} carries in its form. */
    public static String csrf(TestHttp http, String token) {
        TestHttp.Response page = http.get("/m/" + token, TestHttp.As.NOBODY);
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            return m.group(1);
        }
        // A dead link shows no form; a browser still holding the old page would post the token it had.
        return new LinkTokens(TestApp.LINK_KEY.getBytes(StandardCharsets.UTF_8)).derive("crew-page-csrf", token);
    }

    /** Posts {@code answer} from the page's form, as the member's browser would. */
    public static TestHttp.Response answer(TestHttp http, String token, String answer) {
        return http.form("/m/" + token + "/respond", "answer=" + answer + "&csrf=" + csrf(http, token));
    }
}
