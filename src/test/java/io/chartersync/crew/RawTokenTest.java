package io.chartersync.crew;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartersync.common.LinkTokens;
import io.chartersync.mail.Outbox;
import io.chartersync.testsupport.CrewPages;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.Mailbox;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The raw magic-link token is in no table: a copy of the database opens no crew page. Every row of every
 * table is searched, db-scheduler's task data decoded, after links were minted, emailed and answered.
 */
class RawTokenTest {
    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    @Test
    void no_link_token_nor_page_csrf_token_is_in_any_table_only_the_tokens_hash() {
        String id = app.bookings()
                .submitAndSync(Examples.futureBooking(5), 1)
                .get("id")
                .asText();
        String crew1 = Mailbox.magicToken(app.mailbox().to("crew-1", "Confirm:").getFirst());
        String crew2 = Mailbox.magicToken(app.mailbox().to("crew-2", "Confirm:").getFirst());
        assertThat(CrewPages.answer(app.http(), crew1, "confirm").status()).isEqualTo(303);
        assertThat(CrewPages.answer(app.http(), crew2, "decline").status()).isEqualTo(303);
        app.bookings().awaitSettled(id, 1);
        List<String> tokens = app.mailbox().magicTokens();
        List<String> csrfTokens =
                tokens.stream().map(t -> CrewPages.csrf(app.http(), t)).toList();

        Map<String, String> database = TestDatabase.everyRowAsText();

        assertThat(tokens).hasSize(3);
        assertThat(app.mailbox().containing("Subject: Declined:"))
                .as("the decline alert")
                .hasSize(1);
        assertThat(database.get("scheduled_tasks"))
                .as("the scheduler's table, with the briefing and the summary re-send planned")
                .contains("captain-briefing", "captain-summary");
        assertThat(database.get("mail_outbox")).contains(Outbox.TOKEN_PLACEHOLDER);
        assertThat(database.get("audit_log")).contains("crew.answered");
        List<String> needles = new ArrayList<>();
        for (String token : tokens) {
            needles.addAll(forms(token));
        }
        csrfTokens.forEach(c -> needles.addAll(forms(c)));
        database.forEach(
                (table, rows) -> assertThat(rows).as("every row of " + table).doesNotContain(needles));
        assertThat(tokens)
                .allSatisfy(t -> assertThat(TestDatabase.count(
                                "select count(*) from crew_link where token_hash = '" + LinkTokens.hashOf(t) + "'"))
                        .as("links stored under the hash of " + t)
                        .isEqualTo(1));
    }

    /** A token as it is emailed, as a URL would carry it, and its bytes in hex. */
    private static List<String> forms(String token) {
        return List.of(
                token,
                URLEncoder.encode(token, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(Base64.getUrlDecoder().decode(token)));
    }
}
