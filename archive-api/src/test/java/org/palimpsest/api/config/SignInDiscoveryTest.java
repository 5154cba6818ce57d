package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A person without credentials learns where they come from: the 401 says so, the OpenAPI description carries the
 * Basic scheme (so Swagger UI can sign in) with each operation's requirement from the access table; a path where
 * nothing lives is 404 whoever asks; and without configured origins no answer carries CORS headers.
 */
class SignInDiscoveryTest extends ArchiveIntegrationTest {

    @Test
    void aRefusalForWantOfCredentialsSaysWhereTheyComeFrom() {
        Response refused = get("/api/audit/events");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("./palimpsest users add", "POST /api/admin/users", "initial-admin-password", "README");
    }

    @Test
    void unknownPathsAre404ForAnonymousAndSignedInCallersAlike() {
        for (String path : List.of("/no-such-page", "/api/no-such-thing", "/api/admin/no-such-thing",
                "/actuator/no-such-endpoint", "/annotations/x/no-such-part")) {
            for (String caller : new String[] {null, "reader", "admin"}) {
                Response answer = get(path, caller);
                String which = path + " as " + caller;
                assertThat(answer.status()).as(which).isEqualTo(404);
                assertThat(answer.contentType()).as(which).startsWith("application/problem+json");
                assertThat(answer.json().get("type").asString()).as(which).endsWith("/not-found");
            }
            Response posted = send(request(path, "editor").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(posted.status()).as("POST " + path).isEqualTo(404);
        }
        Response wrongPassword = send(request("/no-such-page").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))).GET().build());
        assertThat(wrongPassword.status()).as("a wrong password is 401 wherever it is sent").isEqualTo(401);
        assertThat(get("/api/audit/events", "reader").status()).as("a known path keeps its 403").isEqualTo(403);
    }

    @Test
    void theOpenApiDescriptionLetsSwaggerUiSignInWithBasic() {
        JsonNode api = get("/v3/api-docs").json();
        JsonNode scheme = api.get("components").get("securitySchemes").get("basic");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
        assertThat(scheme.get("description").asString()).contains("./palimpsest users add");

        JsonNode importing = api.get("paths").get("/api/documents").get("post").get("security");
        assertThat(importing.toString()).isEqualTo("[{\"basic\":[]}]");
        JsonNode reading = api.get("paths").get("/api/documents").get("get").get("security");
        assertThat(reading.toString()).as("anonymous reads are on: signing in is optional").isEqualTo("[{},{\"basic\":[]}]");
        JsonNode auditing = api.get("paths").get("/api/audit/events").get("get").get("security");
        assertThat(auditing.toString()).isEqualTo("[{\"basic\":[]}]");
    }

    @Test
    void withoutConfiguredOriginsNoAnswerCarriesCorsHeaders() {
        Response preflight = send(request("/api/documents").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://annotator.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Response read = send(request("/api/documents").header("Origin", "https://annotator.example").GET().build());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }
}
