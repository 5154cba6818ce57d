package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.api.projection.PoisonedTimeline;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Poison events on the live timeline processor, through HTTP: the poisoned document is parked and says so, every
 * other document reaches the timeline, and an administrator sees, retries and skips what is parked (ADR 8).
 */
class ParkedEventsApiTest extends ArchiveIntegrationTest {

    private final String tag = "park" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> touched = new ArrayList<>();

    @Autowired
    private PoisonedTimeline poison;

    @AfterEach
    void cureAndRelease() {
        // Leaves nothing parked for the rest of the suite (its consistency checks would report it).
        poison.cure();
        touched.forEach(id -> postJson("/api/admin/projections/timeline/dead-letters/" + id + "/retry", Map.of(), "admin"));
    }

    @Test
    void aPoisonedImportIsParkedWhileLaterDocumentsReachTheTimelineAndARetryAppliesIt() {
        String title = "Poisoned " + tag;
        poison.poisonImportTitled(title);
        String poisoned = importText("The archive opened in March 2011 (" + tag + "-p).", title);
        touched.add(poisoned);
        String healthy = importText("The museum closed in June 2014 (" + tag + "-h).", "Healthy " + tag);

        assertThat(timelineSources(tag + "-h")).as("a later document reaches the timeline").containsExactly(healthy);
        assertThat(timelineSources(tag + "-p")).as("the poisoned one is not there").isEmpty();

        JsonNode behind = get("/api/documents/" + poisoned).json().get("behind");
        assertThat(behind).hasSize(1);
        assertThat(behind.get(0).get("projection").asString()).isEqualTo("timeline");
        assertThat(behind.get(0).get("error").asString()).contains("IllegalStateException", "poisoned for the test");
        assertThat(behind.get(0).get("since").asString()).isNotBlank();
        assertThat(get("/api/documents/" + healthy).json().has("behind")).as("absent when nothing is parked").isFalse();
        assertThat(get("/api/documents/" + poisoned + "?atPosition=0").status()).isEqualTo(404);

        JsonNode parked = parkedIn("timeline", poisoned);
        assertThat(parked.get("eventType").asString()).isEqualTo("DocumentImported");
        assertThat(parked.get("position").asLong()).isPositive();
        assertThat(parked.get("errorType").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.get("errorMessage").asString()).contains(title);
        assertThat(parked.get("retries").asInt()).isZero();
        assertThat(parked.get("parkedAt").asString()).isNotBlank();
        assertThat(parkedIn("reading-views", poisoned)).as("only the failing projection parks it").isNull();
        JsonNode timeline = processor("timeline");
        assertThat(timeline.get("error").asBoolean()).isFalse();
        assertThat(timeline.get("lag").asLong()).isZero();

        JsonNode report = get("/api/admin/consistency", "admin").json();
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThat(report.get("parked")).anySatisfy(p -> {
            assertThat(p.get("projection").asString()).isEqualTo("timeline");
            assertThat(p.get("sequence").asString()).isEqualTo(poisoned);
        });

        Response again = postJson("/api/admin/projections/timeline/dead-letters/" + poisoned + "/retry", Map.of(), "admin");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("result").asString()).isEqualTo("parked");
        assertThat(again.json().get("stillParked").get(0).get("retries").asInt()).isEqualTo(1);

        poison.cure();
        Response retried = postJson("/api/admin/projections/timeline/dead-letters/" + poisoned + "/retry", Map.of(), "admin");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("result").asString()).isEqualTo("released");
        assertThat(retried.json().get("applied").asInt()).isEqualTo(1);
        assertThat(timelineSources(tag + "-p")).containsExactly(poisoned);
        assertThat(get("/api/documents/" + poisoned).json().has("behind")).isFalse();
        assertThat(parkedIn("timeline", poisoned)).isNull();
    }

    @Test
    void skippingTheFailingEventAppliesTheEventsQueuedBehindIt() {
        String id = importText("The bord met in early 2017 (" + tag + "-s).", "Board " + tag);
        String reason = "poisoned proposal " + tag;
        poison.poisonFixesBecause(reason);
        touched.add(id);
        Response proposed = postJson("/api/documents/" + id + "/fixes", Map.of("target", Map.of("exact", "bord"),
                "replacement", "board", "kind", "typo", "reason", reason), "editor");
        assertThat(proposed.status()).isEqualTo(201);
        String fixId = proposed.json().get("id").asString();
        assertThat(postJson("/api/documents/" + id + "/fixes/" + fixId + "/accept", Map.of(), "editor").status())
                .isEqualTo(200);

        JsonNode behind = get("/api/documents/" + id).json().get("behind");
        assertThat(behind.get(0).get("projection").asString()).isEqualTo("timeline");
        assertThat(behind.get(0).get("parked").asInt()).as("the proposal and the acceptance queued behind it").isEqualTo(2);
        assertThat(timelineTexts(tag + "-s")).as("the timeline still shows the text before the fix")
                .singleElement().asString().contains("bord");

        Response noReason = postJson("/api/admin/projections/timeline/dead-letters/" + id + "/skip", Map.of(), "admin");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        assertThat(postJson("/api/admin/projections/timeline/dead-letters/" + id + "/skip", Map.of("reason", "x"),
                "editor").status()).isEqualTo(403);

        Response skipped = postJson("/api/admin/projections/timeline/dead-letters/" + id + "/skip",
                Map.of("reason", "the proposal is irrelevant to the timeline"), "admin");
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(skipped.json().get("result").asString()).isEqualTo("released");
        assertThat(skipped.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(skipped.json().get("applied").asInt()).isEqualTo(1);
        assertThat(timelineTexts(tag + "-s")).singleElement().asString().contains("board");
        assertThat(get("/api/documents/" + id).json().has("behind")).isFalse();
    }

    @Test
    void unknownProjectionsAndSequencesAreProblems() {
        Response noProjection = postJson("/api/admin/projections/nope/dead-letters/x/retry", Map.of(), "admin");
        assertThat(noProjection.status()).isEqualTo(404);
        assertThat(noProjection.contentType()).startsWith("application/problem+json");
        assertThat(noProjection.json().get("detail").asString()).contains("timeline");
        Response noSequence = postJson("/api/admin/projections/timeline/dead-letters/" + tag + "/retry", Map.of(), "admin");
        assertThat(noSequence.status()).isEqualTo(404);
        assertThat(noSequence.contentType()).startsWith("application/problem+json");
        assertThat(postJson("/api/admin/projections/timeline/dead-letters/" + tag + "/skip", Map.of("reason", "r"),
                "admin").status()).isEqualTo(404);
        assertThat(postJson("/api/admin/projections/timeline/dead-letters/" + tag + "/retry", Map.of(), "editor")
                .status()).isEqualTo(403);
    }

    private String importText(String text, String title) {
        Response created = postJson("/api/documents", Map.of("text", text, "title", title), "editor");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> timelineSources(String query) {
        List<String> ids = new ArrayList<>();
        get("/api/timeline?q=" + query).json().get("items")
                .forEach(event -> event.get("sources").forEach(s -> ids.add(s.get("documentId").asString())));
        return ids;
    }

    private List<String> timelineTexts(String query) {
        List<String> texts = new ArrayList<>();
        get("/api/timeline?q=" + query).json().get("items")
                .forEach(event -> event.get("sources").forEach(s -> texts.add(s.get("text").asString())));
        return texts;
    }

    private JsonNode processor(String name) {
        for (JsonNode item : get("/api/admin/projections", "admin").json().get("items")) {
            if (item.get("name").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    private JsonNode parkedIn(String projection, String sequence) {
        for (JsonNode parked : processor(projection).get("parked")) {
            if (parked.get("sequence").asString().equals(sequence)) {
                return parked;
            }
        }
        return null;
    }
}
