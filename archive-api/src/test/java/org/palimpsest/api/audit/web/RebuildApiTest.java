package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Blue/green rebuilds through the admin API: the live views never go empty and end up identical. */
class RebuildApiTest extends ArchiveIntegrationTest {

    private JsonNode awaitRebuild(String group) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode rebuild = get("/api/admin/projections", "admin").json().get("rebuilds").get(group);
            if (rebuild != null && !rebuild.get("state").asString().equals("building")) {
                return rebuild;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("rebuild of " + group + " did not finish in a minute");
    }

    @Test
    void rebuildsReadingViewsAndTimelineWithoutEverShowingAnEmptyView() throws Exception {
        String tag = "rb" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(postJson("/api/documents", Map.of("text", "# Note " + i + "\n\n- **March 2019** — the bord met (" + tag + ")."),
                    "editor").json().get("id").asString());
        }
        postJson("/api/documents/" + ids.get(0) + "/fixes?accept=true",
                Map.of("target", Map.of("exact", "bord"), "replacement", "board", "reason", "typo"), "editor");
        JsonNode before = get("/api/documents/" + ids.get(0)).json();
        JsonNode timelineBefore = get("/api/timeline?q=" + tag).json();

        Response started = postJson("/api/admin/projections/reading-views/rebuild", Map.of(), "admin");
        assertThat(started.status()).isEqualTo(202);
        int generation = started.json().get("generation").asInt();
        assertThat(postJson("/api/admin/projections/reading-views/rebuild", Map.of(), "admin").status()).isIn(202, 409);
        for (int i = 0; i < 30; i++) {
            Response read = get("/api/documents/" + ids.get(0));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("text").asString()).isEqualTo(before.get("text").asString());
        }
        JsonNode done = awaitRebuild("reading-views");
        assertThat(done.get("state").asString()).isEqualTo("done");

        JsonNode after = get("/api/documents/" + ids.get(0)).json();
        assertThat(after.get("text")).isEqualTo(before.get("text"));
        assertThat(after.get("revision")).isEqualTo(before.get("revision"));
        assertThat(after.get("fixes")).isEqualTo(before.get("fixes"));
        assertThat(after.get("asOf")).isEqualTo(before.get("asOf"));
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        assertThat(collections).contains("reading_views_g" + generation).doesNotContain(generation == 1 ? "reading_views" : "reading_views_g" + (generation - 1));

        // The live processor resumed from the rebuild's position: new facts still show up.
        String later = postJson("/api/documents", Map.of("text", "after the rebuild " + tag), "editor").json().get("id").asString();
        assertThat(get("/api/documents/" + later).status()).isEqualTo(200);
        assertThat(get("/api/documents/" + ids.get(1) + "?atPosition=" + before.get("asOf").get("position").asLong()).status())
                .isEqualTo(200);

        assertThat(postJson("/api/admin/projections/timeline/rebuild", Map.of(), "admin").status()).isEqualTo(202);
        assertThat(awaitRebuild("timeline").get("state").asString()).isEqualTo("done");
        assertThat(get("/api/timeline?q=" + tag).json().get("items")).isEqualTo(timelineBefore.get("items"));

        String annotated = postJson("/annotations/", Map.of("type", "Annotation", "motivation", "commenting",
                "body", Map.of("type", "TextualBody", "value", "rebuild me"),
                "target", Map.of("source", "http://localhost:" + port + "/api/documents/" + ids.get(2),
                        "selector", Map.of("type", "TextQuoteSelector", "exact", "the bord met"))), "annotator").header("Location");
        String path = annotated.substring(annotated.indexOf("/annotations/"));
        JsonNode annotationBefore = get(path).json();
        assertThat(postJson("/api/admin/projections/annotations/rebuild", Map.of(), "admin").status()).isEqualTo(202);
        assertThat(awaitRebuild("annotations").get("state").asString()).isEqualTo("done");
        assertThat(get(path).json()).isEqualTo(annotationBefore);
        assertThat(get("/api/documents/" + ids.get(2)).json().get("annotations")).hasSize(1);

        assertThat(postJson("/api/admin/projections/nope/rebuild", Map.of(), "admin").status()).isEqualTo(404);
        assertThat(postJson("/api/admin/projections/timeline/rebuild", Map.of(), "editor").status()).isEqualTo(403);
        assertThat(get("/api/admin/consistency", "admin").json().get("consistent").asBoolean()).isTrue();
    }
}
