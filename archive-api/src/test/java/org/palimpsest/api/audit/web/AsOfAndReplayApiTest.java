package org.palimpsest.api.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

/** As-of reads of documents and fixes, Memento headers, the TimeMap, and replay consistency checks. */
class AsOfAndReplayApiTest extends ArchiveIntegrationTest {

    private String importText(String text) {
        return postJson("/api/documents", Map.of("text", text + " " + UUID.randomUUID()), "editor").json().get("id").asString();
    }

    private JsonNode fix(String id, String exact, String replacement) {
        Response r = postJson("/api/documents/" + id + "/fixes?accept=true",
                Map.of("target", Map.of("exact", exact), "replacement", replacement, "reason", "r"), "editor");
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void readsADocumentAndItsFixesAsTheyStoodWithMementoHeaders() {
        String id = importText("The bord met in 2017.");
        JsonNode v0 = get("/api/documents/" + id).json();
        String fixId = fix(id, "bord", "board").get("id").asString();
        JsonNode v1 = get("/api/documents/" + id).json();
        postJson("/api/documents/" + id + "/fixes/" + fixId + "/revert", Map.of(), "editor");

        long p0 = v0.get("asOf").get("position").asLong();
        long p1 = v1.get("asOf").get("position").asLong();
        Response atImport = get("/api/documents/" + id + "?atPosition=" + p0);
        assertThat(atImport.status()).isEqualTo(200);
        assertThat(atImport.json().get("text").asString()).startsWith("The bord met");
        assertThat(atImport.json().get("revision").asLong()).isZero();
        assertThat(atImport.json().get("fixes")).isEmpty();
        assertThat(atImport.header("Memento-Datetime")).isNotBlank();
        assertThat(atImport.header("Link")).contains("rel=\"timemap\"");

        JsonNode atFix = get("/api/documents/" + id + "?atPosition=" + p1).json();
        assertThat(atFix.get("text").asString()).startsWith("The board met");
        assertThat(atFix.get("fixes").get(0).get("state").asString()).isEqualTo("accepted");
        assertThat(get("/api/documents/" + id + "/fixes?state=accepted&atPosition=" + p1).json().get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/documents/" + id + "/fixes?state=accepted").json().get("total").asInt()).isZero();

        Instant fixTime = Instant.parse(v1.get("asOf").get("time").asString());
        assertThat(get("/api/documents/" + id + "?asOf=" + fixTime).json().get("revision").asLong()).isEqualTo(1);
        // Accept-Datetime has whole seconds: ask for the next one and expect what ?asOf answers for the same instant.
        Instant nextSecond = fixTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(nextSecond.atZone(ZoneOffset.UTC));
        long expected = get("/api/documents/" + id + "?asOf=" + nextSecond).json().get("revision").asLong();
        Response memento = send(request("/api/documents/" + id).header("Accept-Datetime", httpDate).GET().build());
        assertThat(memento.json().get("revision").asLong()).isEqualTo(expected).isPositive();
        assertThat(memento.header("Vary")).contains("Accept-Datetime");

        assertThat(get("/api/documents/" + id + "?atPosition=" + (p0 - 1)).status()).isEqualTo(404);
        JsonNode listedThen = get("/api/documents?size=200&atPosition=" + p0).json();
        assertThat(listedThen.get("items")).anySatisfy(d -> {
            assertThat(d.get("id").asString()).isEqualTo(id);
            assertThat(d.get("revision").asLong()).isZero();
        });
        assertThat(get("/api/documents?size=200&atPosition=" + (p0 - 1)).json().get("items"))
                .noneSatisfy(d -> assertThat(d.get("id").asString()).isEqualTo(id));
        assertThat(get("/api/documents/" + id + "?asOf=last-week").status()).isEqualTo(400);
        assertThat(get("/api/documents/" + id + "?asOf=" + fixTime + "&atPosition=1").status()).isEqualTo(400);

        Response timemap = get("/api/documents/" + id + "/timemap");
        assertThat(timemap.status()).isEqualTo(200);
        assertThat(timemap.contentType()).startsWith("application/link-format");
        // imported, fix proposed, fix accepted, fix reverted: four versions of the view
        assertThat(timemap.raw().body().split("rel=\"memento\"", -1)).hasSize(5);
    }

    @Test
    void timelineAndEmailsAsTheyStood() {
        String tag = "asof" + UUID.randomUUID().toString().substring(0, 6);
        String id = postJson("/api/documents", Map.of("text", "- **February 2018** — Dana Whitlock left the board (" + tag + ").\n\n"
                + "```\nFrom: Dana Whitlock <dana@" + tag + ".example>\nTo: Minho Seo <minho@corvid.example>\n"
                + "Date: Mon, Mar 11, 2019 at 8:05 AM PDT\nSubject: Capped retruns\n\nFine by me.\n```\n"), "editor")
                .json().get("id").asString();
        long before = get("/api/documents/" + id).json().get("asOf").get("position").asLong();
        fix(id, "February 2018", "March 2018");
        fix(id, "Capped retruns", "Capped returns");

        assertThat(get("/api/timeline?q=" + tag).json().get("items").get(0).get("iso").asString()).isEqualTo("2018-03");
        assertThat(get("/api/timeline?q=" + tag + "&atPosition=" + before).json().get("asOf").get("position").asLong())
                .isEqualTo(before);
        assertThat(get("/api/emails?atPosition=" + before).json().get("asOf").get("position").asLong()).isEqualTo(before);
        assertThat(get("/api/documents").json().get("asOf").get("position").asLong()).isGreaterThan(before);
        assertThat(get("/api/timeline?q=" + tag + "&atPosition=" + before).json().get("items").get(0).get("iso").asString())
                .isEqualTo("2018-02");
        String participant = "dana@" + tag + ".example";
        JsonNode now = get("/api/emails?participant=" + participant).json().get("items").get(0);
        JsonNode then = get("/api/emails?participant=" + participant + "&atPosition=" + before).json().get("items").get(0);
        assertThat(now.get("renderings").get(0).get("subject").asString()).isEqualTo("Capped returns");
        assertThat(then.get("renderings").get(0).get("subject").asString()).isEqualTo("Capped retruns");
        assertThat(get("/api/emails/" + then.get("id").asString() + "?atPosition=" + before).json()
                .get("renderings").get(0).get("subject").asString()).isEqualTo("Capped retruns");
        assertThat(get("/api/emails?participant=" + participant + "&atPosition=" + (before - 1)).json().get("total").asInt()).isZero();
    }

    @Test
    void replayAgreesWithTheVersionedViewsAtRandomPointsOfARandomHistory() {
        long seed = System.nanoTime();
        System.out.println("[replay property] seed " + seed);
        Random random = new Random(seed);
        List<String> documents = new ArrayList<>();
        List<String[]> accepted = new ArrayList<>();
        List<String[]> annotations = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        String[] words = {"bord", "Whitlok", "ferry", "harbour", "ink"};
        for (int step = 0; step < 24; step++) {
            int action = documents.isEmpty() ? 0 : random.nextInt(6);
            if (action == 0) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 6; w++) {
                    text.append(words[random.nextInt(words.length)]).append(w).append(' ');
                }
                documents.add(importText(text.toString()));
            } else if (action <= 2) {
                String id = documents.get(random.nextInt(documents.size()));
                String text = get("/api/documents/" + id).json().get("text").asString();
                String[] tokens = text.split(" ");
                String token = tokens[random.nextInt(tokens.length - 1)];
                Response r = postJson("/api/documents/" + id + "/fixes?accept=" + random.nextBoolean(),
                        Map.of("target", Map.of("exact", token, "suffix", " "), "replacement", token.toUpperCase() + "x", "reason", "r"),
                        "editor");
                if (r.status() == 201 && "accepted".equals(r.json().get("state").asString())) {
                    accepted.add(new String[] {id, r.json().get("id").asString()});
                }
            } else if (action == 3 && !accepted.isEmpty()) {
                String[] fix = accepted.remove(random.nextInt(accepted.size()));
                postJson("/api/documents/" + fix[0] + "/fixes/" + fix[1] + "/revert", Map.of(), "editor");
            } else if (action == 4 || annotations.isEmpty()) {
                String id = documents.get(random.nextInt(documents.size()));
                String text = get("/api/documents/" + id).json().get("text").asString();
                String quote = text.substring(0, text.indexOf(' '));
                Response created = postJson("/annotations/", Map.of("type", "Annotation", "motivation", "commenting",
                        "body", Map.of("type", "TextualBody", "value", "note " + step),
                        "target", Map.of("source", "http://localhost:" + port + "/api/documents/" + id,
                                "selector", Map.of("type", "TextQuoteSelector", "exact", quote))), "annotator");
                if (created.status() == 201) {
                    annotations.add(new String[] {created.header("Location"), "1", id, quote});
                }
            } else {
                String[] annotation = annotations.get(random.nextInt(annotations.size()));
                Response revised = send(request(annotation[0].substring(annotation[0].indexOf("/annotations/")), "annotator")
                        .header("Content-Type", "application/json").header("If-Match", "\"" + annotation[1] + "\"")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "type", "Annotation", "motivation", "commenting",
                                "body", Map.of("type", "TextualBody", "value", "revised " + step),
                                "target", Map.of("source", "http://localhost:" + port + "/api/documents/" + annotation[2],
                                        "selector", Map.of("type", "TextQuoteSelector", "exact", annotation[3]))))))
                        .build());
                if (revised.status() == 200) {
                    annotation[1] = String.valueOf(Long.parseLong(annotation[1]) + 1);
                }
            }
            for (String id : documents) {
                positions.add(get("/api/documents/" + id).json().get("asOf").get("position").asLong());
            }
        }
        assertThat(annotations).as("the generated history annotates").isNotEmpty();
        System.out.println("[replay property] annotations " + annotations.size() + ", versions "
                + annotations.stream().mapToLong(a -> Long.parseLong(a[1])).sum());
        long last = Math.max(positions.stream().mapToLong(Long::longValue).max().orElseThrow(),
                get("/api/admin/projections", "admin").json().get("head").asLong());
        for (int probe = 0; probe < 6; probe++) {
            long position = random.nextLong(last + 1);
            JsonNode report = get("/api/admin/consistency?atPosition=" + position, "admin").json();
            assertThat(report.get("consistent").asBoolean())
                    .as("seed %d, position %d: %s", seed, position, report.get("differences"))
                    .isTrue();
            assertThat(report.get("position").asLong()).isLessThanOrEqualTo(position);
        }
        assertThat(get("/api/admin/consistency", "admin").json().get("consistent").asBoolean()).isTrue();
        assertThat(get("/api/admin/consistency", "auditor").status()).isEqualTo(403);
    }

    @Test
    void showsEveryProcessorsPositionAndLag() {
        importText("processors");
        JsonNode status = get("/api/admin/projections", "admin").json();
        assertThat(status.get("items")).extracting(p -> p.get("name").asString())
                .contains("reading-views", "timeline", "emails", "annotations");
        assertThat(status.get("items")).allSatisfy(p -> {
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("error").asBoolean()).isFalse();
        });
    }
}
