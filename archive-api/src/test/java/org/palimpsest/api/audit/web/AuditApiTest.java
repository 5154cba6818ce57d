package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

class AuditApiTest extends ArchiveIntegrationTest {

    private List<JsonNode> lines(Response response) {
        return Arrays.stream(response.raw().body().split("\n")).filter(l -> !l.isBlank()).map(JSON::readTree).toList();
    }

    @Test
    void streamsTheFactsOfADocumentInGlobalOrderForAuditors() {
        String id = postJson("/api/documents", Map.of("text", "Audit me, bord. " + UUID.randomUUID()), "editor").json().get("id").asString();
        postJson("/api/documents/" + id + "/fixes?accept=true", Map.of("target", Map.of("exact", "bord"),
                "replacement", "board", "reason", "typo"), "editor");

        Response audit = get("/api/audit/events?document=" + id, "auditor");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> facts = lines(audit);
        assertThat(facts).extracting(f -> f.get("type").asString())
                .containsExactly("DocumentImported", "TranslationFixProposed", "TranslationFixAccepted");
        assertThat(facts).extracting(f -> f.get("position").asLong()).isSorted();
        assertThat(facts.get(1).get("reason").asString()).isEqualTo("typo");
        assertThat(facts.get(2).get("actor").asString()).isEqualTo("editor");
        assertThat(facts.get(2).get("correlationId").asString()).isNotBlank();
        assertThat(facts.get(2).get("payload").get("change").get("inserted").asString()).isEqualTo("board");
        assertThat(facts.get(0).get("aggregateId").asString()).isEqualTo(id);

        assertThat(lines(get("/api/audit/events?document=" + id + "&type=TranslationFixAccepted", "auditor"))).hasSize(1);
        assertThat(lines(get("/api/audit/events?document=" + id + "&actor=nobody", "auditor"))).isEmpty();
        assertThat(lines(get("/api/audit/events?document=" + id + "&from=2999-01-01T00:00:00Z", "auditor"))).isEmpty();
        assertThat(get("/api/audit/events?from=yesterday", "auditor").status()).isEqualTo(400);
        assertThat(get("/api/audit/events", "editor").status()).isEqualTo(403);
        assertThat(get("/api/audit/events").status()).isEqualTo(401);
        assertThat(get("/api/admin/events/export", "auditor").status()).isEqualTo(403);
        Response export = get("/api/admin/events/export", "admin");
        assertThat(export.status()).isEqualTo(200);
        assertThat(lines(export).get(lines(export).size() - 1).has("checksum")).isTrue();
    }
}
