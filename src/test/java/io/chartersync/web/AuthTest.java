package io.chartersync.web;

import static io.chartersync.testsupport.TestHttp.As.NOBODY;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR;
import static io.chartersync.testsupport.TestHttp.As.OPERATOR_BEARER;
import static io.chartersync.testsupport.TestHttp.As.SERVICE;
import static io.chartersync.testsupport.TestHttp.As.SERVICE_BEARER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.chartersync.testsupport.RunningApp;
import io.chartersync.testsupport.TestDatabase;
import io.chartersync.testsupport.TestHttp;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every protected route: who gets in (operator token or crew-service key), and how everyone else is turned away. */
class AuthTest {
    private static final String SOME_ID = UUID.randomUUID().toString();
    private static final String WRONG = "wrong-token-0123456789abcdefghijklmnopqrstu";

    @RegisterExtension
    static final RunningApp app = new RunningApp();

    /** A protected route and what a caller holding the right secret gets back (no body is sent). */
    record Route(String method, String path, boolean service, int authorizedStatus) {
        String header() {
            return service ? "X-Service-Key" : "X-Dashboard-Token";
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Route> OPERATOR_ROUTES = List.of(
            new Route("POST", "/api/bookings", false, 400),
            new Route("GET", "/api/bookings", false, 200),
            new Route("GET", "/api/bookings/" + SOME_ID, false, 404),
            new Route("POST", "/api/bookings/" + SOME_ID + "/cancel", false, 404),
            new Route("PUT", "/api/crew/crew-9", false, 400),
            new Route("GET", "/api/crew", false, 200),
            new Route("POST", "/calendar", false, 400),
            new Route("GET", "/calendar?from=2024-05-01&to=2024-05-31", false, 200),
            new Route("GET", "/calendar/" + SOME_ID, false, 404));
    private static final List<Route> SERVICE_ROUTES = List.of(
            new Route("POST", "/events", true, 400),
            new Route("GET", "/events?from=2024-05-01&to=2024-05-31", true, 200),
            new Route("GET", "/events/" + SOME_ID, true, 404));

    static Stream<Route> allRoutes() {
        return Stream.concat(OPERATOR_ROUTES.stream(), SERVICE_ROUTES.stream());
    }

    static Stream<Arguments> operatorRoutesWithOperatorCredentials() {
        return OPERATOR_ROUTES.stream().flatMap(r -> Stream.of(arguments(r, OPERATOR), arguments(r, OPERATOR_BEARER)));
    }

    static Stream<Arguments> operatorRoutesWithServiceCredentials() {
        return OPERATOR_ROUTES.stream().flatMap(r -> Stream.of(arguments(r, SERVICE), arguments(r, SERVICE_BEARER)));
    }

    static Stream<Arguments> serviceRoutesWithServiceCredentials() {
        return SERVICE_ROUTES.stream().flatMap(r -> Stream.of(arguments(r, SERVICE), arguments(r, SERVICE_BEARER)));
    }

    static Stream<Arguments> serviceRoutesWithOperatorCredentials() {
        return SERVICE_ROUTES.stream().flatMap(r -> Stream.of(arguments(r, OPERATOR), arguments(r, OPERATOR_BEARER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRoutes")
    void no_credentials_answer_401_with_a_bearer_challenge(Route route) {
        TestHttp.Response response = app.http().send(route.method(), route.path(), null, "", NOBODY);

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asText()).contains("Missing credentials", route.header(), "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRoutes")
    void wrong_bearer_token_answers_401(Route route) {
        TestHttp.Response response =
                app.http().send(route.method(), route.path(), null, "", NOBODY, "Authorization", "Bearer " + WRONG);

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asText()).contains("not valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRoutes")
    void wrong_token_in_the_named_header_answers_401(Route route) {
        TestHttp.Response response =
                app.http().send(route.method(), route.path(), null, "", NOBODY, route.header(), WRONG);

        assertUnauthorized(response);
        assertThat(response.json().get("detail").asText()).contains("not valid");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("operatorRoutesWithOperatorCredentials")
    void operator_routes_accept_the_dashboard_token_in_either_header(Route route, TestHttp.As as) {
        assertAuthorized(route, app.http().send(route.method(), route.path(), null, "", as));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("operatorRoutesWithServiceCredentials")
    void operator_routes_refuse_the_crew_service_key(Route route, TestHttp.As as) {
        assertUnauthorized(app.http().send(route.method(), route.path(), null, "", as));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("serviceRoutesWithServiceCredentials")
    void event_routes_accept_the_service_key_in_either_header(Route route, TestHttp.As as) {
        assertAuthorized(route, app.http().send(route.method(), route.path(), null, "", as));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("serviceRoutesWithOperatorCredentials")
    void event_routes_refuse_the_operator_token(Route route, TestHttp.As as) {
        assertUnauthorized(app.http().send(route.method(), route.path(), null, "", as));
    }

    private static void assertUnauthorized(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(TestDatabase.count("select count(*) from booking")).isZero();
    }

    private static void assertAuthorized(Route route, TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(route.authorizedStatus());
        assertThat(response.header("WWW-Authenticate")).isEmpty();
    }
}
