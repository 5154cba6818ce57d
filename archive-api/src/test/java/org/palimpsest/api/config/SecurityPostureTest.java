package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The browser-facing headers on every kind of answer, and health details for administrators only. */
class SecurityPostureTest extends ArchiveIntegrationTest {

    @Test
    void everyAnswerCarriesTheSecurityHeadersErrorsIncluded() {
        List<Response> answers = List.of(
                get("/api/documents"),                                   // 200
                get("/api/audit/events"),                                // 401
                get("/api/audit/events", "reader"),                      // 403
                get("/api/documents/no-such-document", "reader"),        // 404
                get("/api/documents?asOf=yesterday", "reader"),          // 400
                send(request("/api/documents", "editor").method("PATCH", HttpRequest.BodyPublishers.noBody()).build()),
                get("/no-such-page", "admin"),
                get("/actuator/health"));
        assertThat(answers).extracting(Response::status).contains(200, 401, 403, 404, 400);
        for (Response answer : answers) {
            String which = "answer " + answer.status() + " to " + answer.raw().request().uri();
            assertThat(answer.header("Content-Security-Policy")).as(which)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as(which).isEqualTo("no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).as(which).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(which).isEqualTo("DENY");
        }
    }

    @Test
    void healthShowsOnlyTheStatusToAnyoneButAdministrators() {
        for (String caller : new String[] {null, "reader", "editor", "auditor"}) {
            Response health = caller == null ? get("/actuator/health") : get("/actuator/health", caller);
            assertThat(health.status()).as(String.valueOf(caller)).isEqualTo(200);
            JsonNode body = health.json();
            assertThat(body.get("status").asString()).isEqualTo("UP");
            assertThat(body.has("components")).as("components shown to " + caller).isFalse();
            assertThat(health.raw().body()).as(String.valueOf(caller)).doesNotContain("mv.db").doesNotContain("archiveStore");
        }
        JsonNode admin = get("/actuator/health", "admin").json();
        assertThat(admin.get("components").get("archiveStore").get("details").get("mode").asString()).isNotBlank();
    }
}
