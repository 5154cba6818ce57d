package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser clients on configured origins ({@code palimpsest.security.cors.allowed-origins}): preflights are answered
 * without credentials, real answers name the origin and expose the protocol headers, other origins are refused with a
 * problem, and requests without an {@code Origin} are untouched.
 */
@TestPropertySource(properties = {"palimpsest.security.cors.allowed-origins=https://annotator.example, http://localhost:9",
        "palimpsest.test.database=palimpsest_cors"})
class CrossOriginTest extends ArchiveIntegrationTest {

    private static final String ALLOWED = "https://annotator.example";

    @Test
    void aPreflightIsAnsweredWithoutCredentialsForAnyPathTheClientMayCall() {
        for (String path : new String[] {"/annotations/", "/annotations/" + UUID.randomUUID(), "/api/admin/users"}) {
            Response preflight = preflight(path, ALLOWED, "PUT", "authorization, content-type, if-match");
            assertThat(preflight.status()).as(path).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT", "DELETE", "POST");
            assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                    .contains("authorization", "content-type", "if-match");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
            assertThat(preflight.header("WWW-Authenticate")).isNull();
            assertThat(preflight.raw().body()).isEmpty();
        }
    }

    @Test
    void answersToAnAllowedOriginNameItAndExposeTheProtocolHeaders() {
        Response read = send(request("/api/documents").header("Origin", ALLOWED).GET().build());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(read.raw().headers().allValues("Vary")).anyMatch(vary -> vary.contains("Origin"));

        Response imported = send(request("/api/documents", "editor").header("Origin", ALLOWED)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text",
                        "A ferry timetable from a browser client. " + UUID.randomUUID())), StandardCharsets.UTF_8))
                .build());
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(imported.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Link",
                "Memento-Datetime", "WWW-Authenticate");

        Response unauthorized = send(request("/api/audit/events").header("Origin", ALLOWED).GET().build());
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).as("so the page can read why").isEqualTo(ALLOWED);
    }

    @Test
    void otherOriginsAreRefusedWithAProblemAndSameOriginOrOriginlessRequestsAreUntouched() {
        Response preflight = preflight("/annotations/", "https://elsewhere.example", "POST", "content-type");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.contentType()).startsWith("application/problem+json");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Response read = send(request("/api/documents").header("Origin", "https://elsewhere.example").GET().build());
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("detail").asString()).contains("palimpsest.security.cors.allowed-origins");
        Response disallowedMethod = preflight("/annotations/", ALLOWED, "PATCH", "content-type");
        assertThat(disallowedMethod.status()).isEqualTo(403);

        Response sameOrigin = send(request("/api/documents").header("Origin", "http://localhost:" + port).GET().build());
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(sameOrigin.header("Access-Control-Allow-Origin")).isNull();
        Response noOrigin = get("/api/documents");
        assertThat(noOrigin.status()).isEqualTo(200);
        assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
        // OPTIONS without a preflight's headers is still the plain Allow answer.
        Response options = send(request("/annotations/").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("POST");
    }

    private Response preflight(String path, String origin, String method, String headers) {
        return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .build());
    }
}
