package io.chartersync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that an answer is an RFC 9457 problem with a detail, and which fields it names. */
public final class ProblemAssert {
    private ProblemAssert() {}

    /** A problem+json answer with this status and a non-empty detail; answers its document. */
    public static JsonNode assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
        return problem;
    }

    /** A 400 problem whose {@code errors} name {@code field}; answers that error's detail. */
    public static String assertInvalidField(TestHttp.Response response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").findValuesAsText("field"))
                .as(response.body())
                .contains(field);
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                assertThat(error.path("detail").asText()).isNotBlank();
                return error.get("detail").asText();
            }
        }
        throw new AssertionError("unreachable");
    }
}
