package live.blytz.auth.internal.web;

/** Constants for the OpenAPI annotations of the auth endpoints. */
final class ApiDocs {

    private ApiDocs() {
    }

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String BEARER = "bearer";
}
