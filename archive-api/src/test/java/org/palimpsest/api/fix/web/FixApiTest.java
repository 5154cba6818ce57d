package org.palimpsest.api.fix.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

class FixApiTest extends ArchiveIntegrationTest {

    private String importText(String text) {
        Response created = postJson("/api/documents", Map.of("text", text + "\n\n" + UUID.randomUUID()), "editor");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> fix(String exact, Object... more) {
        Map<String, Object> target = new java.util.HashMap<>();
        target.put("exact", exact);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("target", target, "kind", "typo", "reason", "spelling"));
        for (int i = 0; i < more.length; i += 2) {
            String key = (String) more[i];
            if (key.startsWith("target.")) {
                target.put(key.substring(7), more[i + 1]);
            } else {
                body.put(key, more[i + 1]);
            }
        }
        return body;
    }

    @Test
    void proposeAcceptAndRevertWithHistoryOfRevisions() {
        String id = importText("The bord met in early 2017.");
        Response proposed = postJson("/api/documents/" + id + "/fixes",
                fix("bord", "replacement", "board", "reference", Map.of("text", "이사회", "language", "ko")), "annotator");
        assertThat(proposed.status()).isEqualTo(201);
        JsonNode fix = proposed.json();
        String fixId = fix.get("id").asString();
        assertThat(proposed.header("Location")).isEqualTo("/api/documents/" + id + "/fixes/" + fixId);
        assertThat(fix.get("state").asString()).isEqualTo("pending");
        assertThat(fix.get("proposedBy").asString()).isEqualTo("annotator");
        assertThat(fix.get("target").get("start").asInt()).isEqualTo(4);
        assertThat(fix.get("target").get("revision").asLong()).isZero();

        assertThat(postJson("/api/documents/" + id + "/fixes/" + fixId + "/accept", Map.of(), "annotator").status()).isEqualTo(403);
        Response accepted = postJson("/api/documents/" + id + "/fixes/" + fixId + "/accept", Map.of("comment", "right"), "editor");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("accepted");
        assertThat(accepted.json().get("reviewedBy").asString()).isEqualTo("editor");
        assertThat(accepted.json().get("span").get("start").asInt()).isEqualTo(4);

        JsonNode view = get("/api/documents/" + id).json();
        assertThat(view.get("text").asString()).startsWith("The board met");
        assertThat(view.get("revision").asLong()).isEqualTo(1);
        assertThat(view.get("fixes").get(0).get("state").asString()).isEqualTo("accepted");

        Response reverted = postJson("/api/documents/" + id + "/fixes/" + fixId + "/revert", Map.of(), "editor");
        assertThat(reverted.json().get("state").asString()).isEqualTo("reverted");
        assertThat(get("/api/documents/" + id).json().get("text").asString()).startsWith("The bord met");
        assertThat(get("/api/documents/" + id + "/revisions/0").json().get("text").asString()).startsWith("The bord met");
        assertThat(get("/api/documents/" + id + "/revisions/1").json().get("text").asString()).startsWith("The board met");
        assertThat(get("/api/documents/" + id + "/revisions/2").json().get("cause").asString()).isEqualTo("fix-reverted");
        assertThat(get("/api/documents/" + id + "/revisions/9").status()).isEqualTo(404);

        JsonNode diff = get("/api/documents/" + id + "/diff?from=0&to=1").json();
        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.get("changes").get(0).get("type").asString()).isEqualTo("insert");
        assertThat(diff.get("changes").get(0).get("inserted").asString()).isEqualTo("a");

        Response history = get("/api/documents/" + id + "/history", "auditor");
        assertThat(history.status()).isEqualTo(200);
        JsonNode facts = history.json().get("items");
        assertThat(facts).extracting(f -> f.get("type").asString()).containsExactly(
                "DocumentImported", "TranslationFixProposed", "TranslationFixAccepted", "TranslationFixReverted");
        assertThat(facts.get(1).get("actor").asString()).isEqualTo("annotator");
        assertThat(facts.get(1).get("reason").asString()).isEqualTo("spelling");
        assertThat(facts.get(2).get("reason").asString()).isEqualTo("right");
        assertThat(facts.get(2).get("diff").asString()).isEqualTo("/api/documents/" + id + "/diff?from=0&to=1");
        assertThat(facts.get(2).get("correlationId").asString()).isNotBlank();
        assertThat(get("/api/documents/" + id + "/history").status()).isEqualTo(401);
        assertThat(get("/api/documents/" + id + "/history", "editor").status()).isEqualTo(403);

        Response again = postJson("/api/documents/" + id + "/fixes/" + fixId + "/revert", Map.of(), "editor");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("state").asString()).isEqualTo("reverted");
    }

    @Test
    void ambiguousQuoteIs422WithTheCandidatesAndContextResolvesIt() {
        String id = importText("Whitlok spoke. Later Whitlok wrote.");
        Response ambiguous = postJson("/api/documents/" + id + "/fixes", fix("Whitlok", "replacement", "Whitlock"), "annotator");
        assertThat(ambiguous.status()).isEqualTo(422);
        assertThat(ambiguous.contentType()).startsWith("application/problem+json");
        assertThat(ambiguous.json().get("candidates")).hasSize(2);

        Response byPrefix = postJson("/api/documents/" + id + "/fixes",
                fix("Whitlok", "replacement", "Whitlock", "target.prefix", "Later "), "annotator");
        assertThat(byPrefix.status()).isEqualTo(201);
        assertThat(byPrefix.json().get("target").get("start").asInt()).isEqualTo(21);
    }

    @Test
    void batchOfNameFixesEachOccurrenceReviewableAlone() {
        String id = importText("Whitlok spoke. Later Whitlok wrote.");
        Response batch = postJson("/api/documents/" + id + "/fixes?accept=true", List.of(
                fix("Whitlok", "replacement", "Whitlock", "target.start", 0, "kind", "name"),
                fix("Whitlok", "replacement", "Whitlock", "target.start", 21, "kind", "name")), "editor");
        assertThat(batch.status()).isEqualTo(201);
        JsonNode items = batch.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(1).get("state").asString()).isEqualTo("accepted");
        assertThat(items.get(1).get("span").get("start").asInt()).isEqualTo(22);
        assertThat(get("/api/documents/" + id).json().get("text").asString()).startsWith("Whitlock spoke. Later Whitlock wrote.");

        // reverting the first moves the second back by one, exactly
        postJson("/api/documents/" + id + "/fixes/" + items.get(0).get("id").asString() + "/revert", Map.of(), "editor");
        JsonNode second = get("/api/documents/" + id + "/fixes/" + items.get(1).get("id").asString()).json();
        assertThat(second.get("span").get("start").asInt()).isEqualTo(21);
        assertThat(get("/api/documents/" + id).json().get("text").asString()).startsWith("Whitlok spoke. Later Whitlock wrote.");

        assertThat(postJson("/api/documents/" + id + "/fixes?accept=true", fix("spoke", "replacement", "spoke up"), "annotator").status())
                .isEqualTo(403);
        JsonNode accepted = get("/api/documents/" + id + "/fixes?state=accepted").json();
        assertThat(accepted.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void staleAndOverlappingFixesConflictWith409ShowingTheChange() {
        String id = importText("Dana met the bord in 2017.");
        String small = postJson("/api/documents/" + id + "/fixes", fix("bord", "replacement", "board"), "annotator").json().get("id").asString();
        String wide = postJson("/api/documents/" + id + "/fixes", fix("the bord in", "replacement", "the board in"), "annotator")
                .json().get("id").asString();
        postJson("/api/documents/" + id + "/fixes/" + small + "/accept", Map.of(), "editor");

        Response conflict = postJson("/api/documents/" + id + "/fixes/" + wide + "/accept", Map.of(), "editor");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().get("currentRevision").asLong()).isEqualTo(1);
        assertThat(conflict.json().get("changes").get(0).get("inserted").asString()).isEqualTo("board");

        // a proposal against revision 0 that the change did not touch is mapped and applies cleanly
        Response stale = postJson("/api/documents/" + id + "/fixes?accept=true",
                fix("Dana", "replacement", "Dana Whitlock", "target.revision", 0), "editor");
        assertThat(stale.status()).isEqualTo(201);
        assertThat(get("/api/documents/" + id).json().get("text").asString()).startsWith("Dana Whitlock met the board in 2017.");
    }

    @Test
    void concurrentReviewsOfOneDocumentLoseNoUpdate() throws Exception {
        String id = importText("alpha beta gamma delta epsilon zeta eta theta");
        List<String> words = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
        List<String> fixIds = new java.util.ArrayList<>();
        for (String word : words) {
            fixIds.add(postJson("/api/documents/" + id + "/fixes", fix(word, "replacement", word.toUpperCase()), "annotator")
                    .json().get("id").asString());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (String fixId : fixIds) {
                answers.add(pool.submit(() -> postJson("/api/documents/" + id + "/fixes/" + fixId + "/accept", Map.of(), "editor")));
            }
            for (java.util.concurrent.Future<Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode view = get("/api/documents/" + id).json();
        assertThat(view.get("revision").asLong()).isEqualTo(6);
        assertThat(view.get("text").asString()).startsWith("ALPHA BETA GAMMA DELTA EPSILON ZETA eta theta");
    }

    @Test
    void offsetsAreCodePointsWithAstralCharacters() {
        String id = importText("📢 𠮷野家 bord note");
        Response fix = postJson("/api/documents/" + id + "/fixes?accept=true",
                fix("bord", "replacement", "board", "target.start", 6, "target.end", 10), "editor");
        assertThat(fix.status()).isEqualTo(201);
        assertThat(fix.json().get("span").get("start").asInt()).isEqualTo(6);
        assertThat(get("/api/documents/" + id).json().get("text").asString()).startsWith("📢 𠮷野家 board note");

        Response wrongUnits = postJson("/api/documents/" + id + "/fixes",
                fix("note", "replacement", "notes", "target.start", 14, "target.end", 18, "target.prefix", "x"), "annotator");
        assertThat(wrongUnits.status()).isEqualTo(422);
    }

    @Test
    void badProposalsAreRefusedNamingTheField() {
        String id = importText("Some text here.");
        Response noExact = postJson("/api/documents/" + id + "/fixes", Map.of("replacement", "x", "reason", "r"), "annotator");
        assertThat(noExact.status()).isEqualTo(422);
        assertThat(noExact.json().get("field").asString()).isEqualTo("target.exact");

        Response badKind = postJson("/api/documents/" + id + "/fixes", fix("text", "replacement", "texts", "kind", "vibes"), "annotator");
        assertThat(badKind.json().get("field").asString()).isEqualTo("kind");

        Response missing = postJson("/api/documents/" + id + "/fixes", fix("absent", "replacement", "x"), "annotator");
        assertThat(missing.json().get("field").asString()).isEqualTo("target.exact");

        Response noDocument = postJson("/api/documents/nope/fixes", fix("a", "replacement", "b"), "annotator");
        assertThat(noDocument.status()).isEqualTo(404);

        Response anonymous = postJson("/api/documents/" + id + "/fixes", fix("text", "replacement", "texts"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(get("/api/documents/" + id + "/fixes?state=bogus").status()).isEqualTo(400);
    }
}
