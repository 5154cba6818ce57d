package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The consistency check covers the timeline and email projections too: a record of theirs that disagrees with a
 * replay of the events is reported, naming the projection, the document and the field.
 */
class ConsistencyCheckApiTest extends ArchiveIntegrationTest {

    @Autowired
    ProjectionGenerations generations;

    private String importDatedEmail() {
        String tag = "chk" + UUID.randomUUID().toString().substring(0, 6);
        return postJson("/api/documents", Map.of("text", "- **April 2016** — Dana Whitlock joined the board (" + tag + ").\n\n"
                + "```\nFrom: Dana Whitlock <dana@" + tag + ".example>\nTo: Minho Seo <minho@corvid.example>\n"
                + "Date: Tue, Apr 5, 2016 at 9:10 AM PDT\nSubject: Board seat\n\nAgreed.\n```\n"), "editor")
                .json().get("id").asString();
    }

    private JsonNode consistency() {
        Response response = get("/api/admin/consistency", "admin");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> differences(JsonNode report, String projection) {
        List<JsonNode> found = new ArrayList<>();
        report.get("differences").forEach(d -> {
            if (d.get("projection").asString().equals(projection)) {
                found.add(d);
            }
        });
        return found;
    }

    /** The stored chunk of derived records that holds one of {@code documentId}'s. */
    private static Document chunkHolding(MongoCollection<Document> contents, String documentId) {
        for (Document stored : contents.find()) {
            if (stored.get("value") instanceof List<?> && recordOf(stored, documentId) != null) {
                return stored;
            }
        }
        return null;
    }

    private static Document recordOf(Document chunk, String documentId) {
        return chunk.getList("value", Document.class).stream()
                .filter(r -> documentId.equals(r.getString("documentId"))).findFirst().orElse(null);
    }

    @Test
    void aTimelineEntryAlteredInItsVersionedCollectionIsReported() {
        String id = importDatedEmail();
        assertThat(consistency().get("consistent").asBoolean()).as("consistent before the damage").isTrue();
        // Versions keep their records in chunks of the content store (ADR 10): alter the entry inside its chunk.
        MongoCollection<Document> versions = database.getCollection(
                generations.current("timeline").name("timeline_entries_contents"));
        Document chunk = chunkHolding(versions, id);
        assertThat(chunk).as("the document's dated statement is on the timeline").isNotNull();
        Document original = Document.parse(chunk.toJson());
        Document entry = recordOf(chunk, id);
        String text = entry.getString("text");
        entry.put("text", "Dana Whitlock never joined.");
        versions.replaceOne(Filters.eq("_id", chunk.get("_id")), chunk);
        try {
            JsonNode report = consistency();

            assertThat(report.get("consistent").asBoolean()).isFalse();
            List<JsonNode> timeline = differences(report, "timeline");
            assertThat(timeline).hasSize(1);
            assertThat(timeline.get(0).get("documentId").asString()).isEqualTo(id);
            assertThat(timeline.get(0).get("field").asString()).isEqualTo("entry #1: text");
            assertThat(timeline.get(0).get("live").asString()).isEqualTo("Dana Whitlock never joined.");
            assertThat(timeline.get(0).get("replayed").asString()).isEqualTo(text);
            assertThat(report.get("differences")).hasSize(1);
        } finally {
            versions.replaceOne(Filters.eq("_id", chunk.get("_id")), original);
        }
        assertThat(consistency().get("consistent").asBoolean()).as("consistent once repaired").isTrue();
    }

    @Test
    void anEmailRenderingMissingFromItsVersionedCollectionIsReported() {
        String id = importDatedEmail();
        assertThat(consistency().get("consistent").asBoolean()).as("consistent before the damage").isTrue();
        // Versions keep their records in chunks of the content store (ADR 10): take the rendering out of its chunk.
        MongoCollection<Document> versions = database.getCollection(
                generations.current("emails").name("emails_contents"));
        Document chunk = chunkHolding(versions, id);
        assertThat(chunk).as("the document's quoted email is projected").isNotNull();
        Document original = Document.parse(chunk.toJson());
        chunk.getList("value", Document.class).remove(recordOf(chunk, id));
        versions.replaceOne(Filters.eq("_id", chunk.get("_id")), chunk);
        try {
            JsonNode report = consistency();

            assertThat(report.get("consistent").asBoolean()).isFalse();
            List<JsonNode> emails = differences(report, "emails");
            assertThat(emails).hasSize(1);
            assertThat(emails.get(0).get("documentId").asString()).isEqualTo(id);
            assertThat(emails.get(0).get("field").asString()).startsWith("(rendering #");
            assertThat(emails.get(0).get("live").isNull()).isTrue();
            assertThat(emails.get(0).get("replayed").asString()).isEqualTo("present");
            assertThat(report.get("differences")).hasSize(1);
        } finally {
            versions.replaceOne(Filters.eq("_id", chunk.get("_id")), original);
        }
        assertThat(consistency().get("consistent").asBoolean()).as("consistent once repaired").isTrue();
    }
}
