package io.chartersync.booking;

import static io.chartersync.testsupport.ProblemAssert.assertInvalidField;
import static io.chartersync.testsupport.ProblemAssert.assertProblem;
import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartersync.testsupport.Examples;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestHttp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/bookings} with its filters and paging, and {@code GET /api/bookings/by-external/...}, over
 * real HTTP and the real database. Three bookings: Ann Smith on JADA in 3 days, Bob Jones on SEA BREEZE in
 * 10 days, Cy Adams on JADA in 20 days without crew (so it needs attention); received in that order.
 */
class BookingListTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Los_Angeles"));

    @RegisterExtension
    static final RunningApp app = new RunningApp().withRoster();

    private String ann;
    private String bob;
    private String cy;

    @BeforeEach
    void threeBookings() {
        ann = book("BS-ANN", "Ann Smith", "JADA", 3, true);
        bob = book("GMB-BOB_1", "Bob Jones", "SEA BREEZE", 10, true);
        cy = book("BS-CY", "Cy Adams", " jada ", 20, false);
    }

    @Test
    void without_filters_every_booking_comes_newest_first_with_no_next_page() {
        JsonNode page = list("");

        assertThat(ids(page)).containsExactly(cy, bob, ann);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.at("/bookings/0/booking/guest/name").asText()).isEqualTo("Cy Adams");
        assertThat(page.at("/bookings/0/attention/0/kind").asText()).isEqualTo("no_crew");
    }

    @Test
    void pages_follow_the_next_cursor_until_it_is_null() {
        JsonNode first = list("?limit=2");
        assertThat(ids(first)).containsExactly(cy, bob);
        assertThat(first.get("next").asText()).isEqualTo(bob);

        JsonNode second = list("?limit=2&after=" + first.get("next").asText());
        assertThat(ids(second)).containsExactly(ann);
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void the_boat_filter_matches_case_insensitively_and_trimmed() {
        assertThat(ids(list("?boat=jada"))).containsExactly(cy, ann);
        assertThat(ids(list("?boat=Sea%20Breeze"))).containsExactly(bob);
        assertThat(ids(list("?boat=NONESUCH"))).isEmpty();
    }

    @Test
    void from_and_to_take_the_start_date_on_the_marinas_clock_inclusive() {
        assertThat(ids(list("?from=" + TODAY.plusDays(3) + "&to=" + TODAY.plusDays(10))))
                .containsExactly(bob, ann);
        assertThat(ids(list("?from=" + TODAY.plusDays(4)))).containsExactly(cy, bob);
        assertThat(ids(list("?to=" + TODAY.plusDays(3)))).containsExactly(ann);
        assertThat(ids(list("?from=" + TODAY.plusDays(11) + "&to=" + TODAY.plusDays(19))))
                .isEmpty();
    }

    @Test
    void q_finds_a_part_of_the_guest_name_or_the_external_id_ignoring_case() {
        assertThat(ids(list("?q=smith"))).containsExactly(ann);
        assertThat(ids(list("?q=bs-"))).containsExactly(cy, ann);
        assertThat(ids(list("?q=B_1"))).containsExactly(bob);
        assertThat(ids(list("?q=%25"))).as("a % is a character, not a wildcard").isEmpty();
        assertThat(ids(list("?q=S_A")))
                .as("an _ is a character, not a wildcard")
                .isEmpty();
    }

    @Test
    void attention_true_lists_only_the_bookings_that_need_the_operator() {
        assertThat(ids(list("?attention=true"))).containsExactly(cy);
        assertThat(ids(list("?attention=false"))).containsExactly(cy, bob, ann);
        assertThat(ids(list("?attention=true&boat=SEA%20BREEZE"))).isEmpty();
    }

    @Test
    void state_filters_on_the_status_documents_state_and_pages_through_the_matches() {
        app.http().post("/api/bookings/" + bob + "/cancel", "", OPERATOR);
        app.bookings().awaitSettled(bob, 2);

        assertThat(ids(list("?state=cancelled"))).containsExactly(bob);
        assertThat(ids(list("?state=failed"))).isEmpty();
        JsonNode first = list("?state=synced&limit=1");
        assertThat(ids(first)).containsExactly(cy);
        assertThat(ids(list("?state=synced&limit=1&after=" + first.get("next").asText())))
                .containsExactly(ann);
    }

    @Test
    void an_unknown_parameter_or_a_bad_value_is_a_400_naming_it() {
        assertInvalidField(get("/api/bookings?status=failed"), "status");
        assertInvalidField(get("/api/bookings?state=broken"), "state");
        assertInvalidField(get("/api/bookings?state=failed&state=synced"), "state");
        assertInvalidField(get("/api/bookings?attention=yes"), "attention");
        assertInvalidField(get("/api/bookings?limit=0"), "limit");
        assertInvalidField(get("/api/bookings?limit=501"), "limit");
        assertInvalidField(get("/api/bookings?from=2024-13-01"), "from");
        assertInvalidField(get("/api/bookings?from=2024-05-02&to=2024-05-01"), "to");
        assertInvalidField(get("/api/bookings?after=nope"), "after");
        assertInvalidField(get("/api/bookings?after=00000000-0000-0000-0000-000000000000"), "after");
        assertInvalidField(get("/api/bookings?q="), "q");
        assertInvalidField(get("/api/bookings?boat=%20"), "boat");
        TestHttp.Response both = get("/api/bookings?state=nope&limit=x");
        assertInvalidField(both, "state");
        assertInvalidField(both, "limit");
    }

    @Test
    void by_external_answers_the_same_status_document_and_404_when_there_is_none() {
        TestHttp.Response found = get("/api/bookings/by-external/boatsetter/BS-ANN");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(app.bookings().status(ann));

        assertProblem(get("/api/bookings/by-external/boatsetter/BS-NONE"), 404);
        assertProblem(get("/api/bookings/by-external/getmyboat/BS-ANN"), 404);
        assertInvalidField(get("/api/bookings/by-external/boatsetter/BS-ANN?x=1"), "x");
    }

    @Test
    void the_list_and_by_external_need_the_operator_token() {
        assertProblem(app.http().get("/api/bookings", NOBODY), 401);
        assertProblem(app.http().get("/api/bookings/by-external/boatsetter/BS-ANN", NOBODY), 401);
    }

    private static String book(String externalId, String guest, String boat, int daysAhead, boolean crewed) {
        ObjectNode body = Examples.futureBooking(daysAhead);
        body.put("external_id", externalId);
        body.put("boat", boat);
        body.withObjectProperty("guest").put("name", guest);
        if (!crewed) {
            for (JsonNode assignment : body.withArray("/crew_assignments")) {
                ((ArrayNode) assignment.get("members")).removeAll();
            }
        }
        if (externalId.startsWith("GMB")) {
            body.put("source", "getmyboat");
        }
        return app.bookings().submitAndSync(body, 1).get("id").asText();
    }

    private static TestHttp.Response get(String path) {
        return app.http().get(path, OPERATOR);
    }

    private static JsonNode list(String query) {
        TestHttp.Response response = get("/api/bookings" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("bookings").forEach(b -> ids.add(b.get("id").asText()));
        return ids;
    }
}
