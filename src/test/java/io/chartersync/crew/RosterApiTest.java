package io.chartersync.crew;

import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crew roster: {@code PUT /api/crew/{id}} creates or replaces, {@code GET /api/crew} lists. */
class RosterApiTest {
    private static final String SAM =
            "{\"name\": \"Sam Nine\", \"email\": \"crew-9@crew.example.com\", \"roles\": [\"crew\"]}";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    @Test
    void put_creates_with_201_then_replaces_with_200() {
        TestHttp.Response created = app.http().put("/api/crew/crew-9", SAM, OPERATOR);
        TestHttp.Response replaced = app.http()
                .put(
                        "/api/crew/crew-9",
                        "{\"name\": \"Sam Nine\", \"email\": \"sam@crew.example.com\", \"roles\": [\"captain\", \"crew\"]}",
                        OPERATOR);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("crew-9");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("email").asText()).isEqualTo("sam@crew.example.com");
        assertThat(TestDatabase.count("select count(*) from crew_member")).isEqualTo(1);
    }

    @Test
    void a_phone_number_is_kept_and_a_bad_one_is_refused_naming_phone() {
        assertRefused(
                app.http()
                        .put(
                                "/api/crew/crew-9",
                                "{\"name\": \"Sam Nine\", \"email\": \"crew-9@crew.example.com\", \"phone\": \"call me\"}",
                                OPERATOR),
                "phone");
        TestHttp.Response created = app.http()
                .put(
                        "/api/crew/crew-9",
                        "{\"name\": \"Sam Nine\", \"email\": \"crew-9@crew.example.com\", \"phone\": \"+1 (619) 555-0111\"}",
                        OPERATOR);

        assertThat(created.json().get("phone").asText()).isEqualTo("+1 (619) 555-0111");
        assertThat(TestDatabase.count("select count(*) from crew_member where phone = '+1 (619) 555-0111'"))
                .isEqualTo(1);
    }

    @Test
    void every_change_to_the_roster_is_audited_as_the_operator() {
        app.http().put("/api/crew/crew-9", SAM, OPERATOR);
        app.http().put("/api/crew/crew-9", SAM, OPERATOR);

        assertThat(TestDatabase.count("""
                select count(*) from audit_log where actor = 'operator' and subject = 'crew-member:crew-9'
                  and action = 'crew-member.created'""")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from audit_log where action = 'crew-member.updated'"))
                .isEqualTo(1);
    }

    @Test
    void get_lists_every_member() {
        app.http().put("/api/crew/crew-9", SAM, OPERATOR);
        app.http()
                .put(
                        "/api/crew/captain-9",
                        "{\"name\": \"Alex Nine\", \"email\": \"captain-9@crew.example.com\", \"roles\": [\"captain\"]}",
                        OPERATOR);

        TestHttp.Response list = app.http().get("/api/crew", OPERATOR);

        assertThat(list.status()).isEqualTo(200);
        JsonNode crew = list.json().get("crew");
        assertThat(crew.findValuesAsText("id")).containsExactly("captain-9", "crew-9");
        assertThat(crew.get(1).get("name").asText()).isEqualTo("Sam Nine");
        assertThat(crew.get(1).get("roles").toString()).isEqualTo("[\"crew\"]");
    }

    @Test
    void bad_email_is_refused_naming_email() {
        assertRefused(
                app.http().put("/api/crew/crew-9", "{\"name\": \"Sam Nine\", \"email\": \"sam at sea\"}", OPERATOR),
                "email");
    }

    @Test
    void addresses_mail_cannot_send_to_are_refused_naming_email() {
        for (String email : new String[] {"alex..rivera@x.com", "a:b@x.com", "x[y@a.com", "a@b"}) {
            assertRefused(
                    app.http()
                            .put(
                                    "/api/crew/crew-9",
                                    "{\"name\": \"Sam Nine\", \"email\": \"" + email + "\"}",
                                    OPERATOR),
                    "email");
        }
    }

    @Test
    void missing_name_is_refused_naming_name() {
        assertRefused(app.http().put("/api/crew/crew-9", "{\"email\": \"crew-9@crew.example.com\"}", OPERATOR), "name");
    }

    @Test
    void bad_id_is_refused_naming_id() {
        assertRefused(app.http().put("/api/crew/Crew%209!", SAM, OPERATOR), "id");
    }

    private static void assertRefused(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(field);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(TestDatabase.count("select count(*) from crew_member")).isZero();
    }
}
