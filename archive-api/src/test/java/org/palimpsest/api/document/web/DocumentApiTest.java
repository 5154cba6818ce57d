package org.palimpsest.api.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

class DocumentApiTest extends ArchiveIntegrationTest {

    private static Map<String, Object> body(String text, Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static String unique(String text) {
        return text + "\n\n" + UUID.randomUUID();
    }

    @Test
    void importsJsonAndServesTheReadingView() {
        String text = unique("# 이사회 회의록\n\n2018년 2월, 이사회는 새 방침을 논의했다.");
        Response created = postJson("/api/documents", body(text, "title", "회의록", "sourceUri",
                "https://example.org/" + UUID.randomUUID(), "publisher", "Example Press", "publishedAt", "2024-03-06"), "editor");

        assertThat(created.status()).isEqualTo(201);
        JsonNode doc = created.json();
        String id = doc.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/documents/" + id);
        assertThat(doc.get("importResult").asString()).isEqualTo("imported");
        assertThat(doc.get("language").asString()).isEqualTo("ko");
        assertThat(doc.get("revision").asLong()).isZero();
        assertThat(doc.get("asOf").get("position").asLong()).isGreaterThanOrEqualTo(0);

        Response read = get("/api/documents/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("title").asString()).isEqualTo("회의록");
        assertThat(view.get("text").asString()).isEqualTo(text);
        assertThat(view.get("publishedAt").asString()).isEqualTo("2024-03-06");
        assertThat(view.get("source").get("publisher").asString()).isEqualTo("Example Press");
        assertThat(view.get("importedBy").asString()).isEqualTo("editor");
    }

    @Test
    void readingViewCarriesSegmentsWithChromeAndRedactionsMarked() {
        String text = unique("# Minutes\n\nFrom: Dana <redacted>\n\n- first item\n\nShare | Like | Comment\n\n█████ was removed.");
        JsonNode view = postJson("/api/documents", body(text), "editor").json();

        JsonNode segments = view.get("segments");
        assertThat(segments.get(0).get("id").asString()).isEqualTo("h1");
        assertThat(segments.get(0).get("kind").asString()).isEqualTo("HEADING");
        assertThat(segments).anySatisfy(s -> assertThat(s.get("kind").asString()).isEqualTo("LIST_ITEM"));
        assertThat(segments).anySatisfy(s -> assertThat(s.get("chrome").asBoolean()).isTrue());
        JsonNode redactions = view.get("redactions");
        assertThat(redactions).hasSize(2);
        assertThat(redactions.get(0).get("kind").asString()).isEqualTo("PLACEHOLDER");
        int start = redactions.get(0).get("span").get("start").asInt();
        assertThat(text.codePoints().skip(start).limit(10).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString()).isEqualTo("<redacted>");
    }

    @Test
    void normalizesTextToNfcSoDecomposedAndComposedInputAreOneDocument() {
        String composed = unique("Café déjà vu, 한국어 문장.");
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        Response first = postJson("/api/documents", body(decomposed), "editor");
        Response second = postJson("/api/documents", body(composed), "editor");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("text").asString()).isEqualTo(composed);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void identicalContentAgainRecordsNoEventAndReturnsTheExistingDocument() {
        String text = unique("The same text, twice.");
        Response first = postJson("/api/documents", body(text), "editor");
        String id = first.json().get("id").asString();
        long eventsBefore = eventsOf(id);

        Response again = postJson("/api/documents", body(text), "editor");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.json().get("importResult").asString()).isEqualTo("unchanged");
        assertThat(again.header("Location")).isEqualTo("/api/documents/" + id);
        assertThat(eventsOf(id)).isEqualTo(eventsBefore).isEqualTo(1);
    }

    @Test
    void changedContentFromTheSameSourceIsANewRevisionOfTheSameDocument() {
        String source = "https://example.org/article/" + UUID.randomUUID();
        Response first = postJson("/api/documents", body(unique("version one"), "sourceUri", source), "editor");
        Response second = postJson("/api/documents", body(unique("version two"), "sourceUri", source), "editor");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(second.json().get("importResult").asString()).isEqualTo("reimported");
        assertThat(second.json().get("revision").asLong()).isEqualTo(1);
        assertThat(get("/api/documents/" + first.json().get("id").asString()).json().get("text").asString())
                .startsWith("version two");
    }

    @Test
    void markdownUploadTakesMetadataFromFrontMatter() {
        String text = "---\ntitle: \"会議の記録\"\nlanguage: ja\npublished: 2024-03-08 09:30:00\nsource: https://example.org/"
                + UUID.randomUUID() + "\n---\n\n# 見出し\n\n2018年2月初旬、理事会は方針を変えた。\n";
        Response created = postRaw("/api/documents", "text/markdown", text.getBytes(StandardCharsets.UTF_8), "editor");

        assertThat(created.status()).isEqualTo(201);
        JsonNode doc = created.json();
        assertThat(doc.get("title").asString()).isEqualTo("会議の記録");
        assertThat(doc.get("language").asString()).isEqualTo("ja");
        assertThat(doc.get("publishedAt").asString()).isEqualTo("2024-03-08T09:30");
        assertThat(doc.get("source").get("uri").asString()).startsWith("https://example.org/");
        assertThat(doc.get("text").asString()).isEqualTo(text);
    }

    @Test
    void queryParametersOverrideFrontMatterAndTitleFallsBackToTheFirstHeading() {
        String text = unique("# Board minutes\n\nEarly 2016 the board met.");
        Response created = postRaw("/api/documents?language=en-GB", "text/plain; charset=UTF-8",
                text.getBytes(StandardCharsets.UTF_8), "editor");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("language").asString()).isEqualTo("en-GB");
        assertThat(created.json().get("title").asString()).isEqualTo("Board minutes");
    }

    @Test
    void brokenFrontMatterIsRefusedWithTheLineAtFault() {
        String text = "---\ntitle: ok\nbroken: [unclosed\n---\nbody " + UUID.randomUUID();
        Response refused = postRaw("/api/documents", "text/markdown", text.getBytes(StandardCharsets.UTF_8), "editor");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("line").asInt()).isBetween(3, 5);
        assertThat(refused.json().get("detail").asString()).contains("front matter");
    }

    @Test
    void badMetadataAndBadBodiesGetProblemAnswersAndStoreNothing() {
        long before = database.getCollection("domain_events").countDocuments();

        Response badDate = postJson("/api/documents", body(unique("text"), "publishedAt", "last spring"), "editor");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().get("field").asString()).isEqualTo("publishedAt");

        Response badLanguage = postJson("/api/documents", body(unique("text"), "language", "not a tag!"), "editor");
        assertThat(badLanguage.status()).isEqualTo(422);
        assertThat(badLanguage.json().get("field").asString()).isEqualTo("language");

        Response noText = postJson("/api/documents", Map.of("title", "no text"), "editor");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.contentType()).startsWith("application/problem+json");

        Response blank = postJson("/api/documents", body("   \n "), "editor");
        assertThat(blank.status()).isEqualTo(422);

        Response malformedJson = postRaw("/api/documents", "application/json", "{\"text\": ".getBytes(StandardCharsets.UTF_8), "editor");
        assertThat(malformedJson.status()).isEqualTo(400);
        assertThat(malformedJson.contentType()).startsWith("application/problem+json");

        Response notUtf8 = postRaw("/api/documents", "text/plain", new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}, "editor");
        assertThat(notUtf8.status()).isEqualTo(400);

        Response wrongType = postRaw("/api/documents", "application/pdf", new byte[] {1, 2, 3}, "editor");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        assertThat(database.getCollection("domain_events").countDocuments()).isEqualTo(before);
    }

    @Test
    void onlyEditorsImportAndAnonymousReadersRead() {
        Map<String, Object> body = body(unique("who may import"));
        Response anonymous = postJson("/api/documents", body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Response reader = postJson("/api/documents", body, "reader");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.contentType()).startsWith("application/problem+json");

        Response admin = postJson("/api/documents", body, "admin");
        assertThat(admin.status()).isEqualTo(201);

        Response wrongPassword = send(request("/api/documents").header("Authorization", "Basic ZWRpdG9yOndyb25n").GET().build());
        assertThat(wrongPassword.status()).isEqualTo(401);

        assertThat(get("/api/documents/" + admin.json().get("id").asString()).status()).isEqualTo(200);
    }

    @Test
    void healthReportsTheStoreUp() {
        Response health = get("/actuator/health", "admin");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("archiveStore").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theApiIsDocumentedByOpenApi() {
        Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("paths").has("/api/documents")).isTrue();
        assertThat(docs.json().get("paths").has("/api/documents/{documentId}/fixes")).isTrue();
        assertThat(docs.json().get("paths").has("/api/timeline")).isTrue();
    }

    @Test
    void unknownDocumentIsAProblem404() {
        Response missing = get("/api/documents/no-such-document");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("no-such-document");
    }

    @Test
    void listsDocumentsInPagesFilteredByLanguage() {
        String tag = "x-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            postJson("/api/documents", body(unique("page test " + i), "language", tag), "editor");
        }
        Response page0 = get("/api/documents?language=" + tag + "&page=0&size=2");
        Response page1 = get("/api/documents?language=" + tag + "&page=1&size=2");

        assertThat(page0.status()).isEqualTo(200);
        assertThat(page0.json().get("total").asLong()).isEqualTo(3);
        assertThat(page0.json().get("items")).hasSize(2);
        assertThat(page0.json().get("page").asInt()).isZero();
        assertThat(page0.json().get("size").asInt()).isEqualTo(2);
        assertThat(page1.json().get("items")).hasSize(1);
        assertThat(page0.json().get("items").get(0).has("text")).isFalse();

        assertThat(get("/api/documents?size=0").status()).isEqualTo(400);
        assertThat(get("/api/documents?page=-1").status()).isEqualTo(400);
    }

    @Test
    void concurrentImportsOfOneTextMakeOneDocument() throws Exception {
        String text = unique("raced import");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> postJson("/api/documents", body(text), "editor"));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(Response::status).containsOnly(200, 201);
            assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(answers).extracting(r -> r.json().get("id").asString()).containsOnly(answers.get(0).json().get("id").asString());
            assertThat(eventsOf(answers.get(0).json().get("id").asString())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyEventRecordsWhoActedAndACorrelationId() {
        Response created = postJson("/api/documents", body(unique("attributed")), "editor");
        Document event = database.getCollection("domain_events")
                .find(Filters.eq("aggregateIdentifier", created.json().get("id").asString())).first();

        assertThat(event).isNotNull();
        Document metaData = event.get("metaData", Document.class);
        assertThat(metaData.getString("actor")).isEqualTo("editor");
        assertThat(metaData.getString("correlationId")).isNotBlank();
        assertThat(event.get("payload", Document.class).getString("importedBy")).isEqualTo("editor");
    }

    private long eventsOf(String documentId) {
        return database.getCollection("domain_events").countDocuments(Filters.eq("aggregateIdentifier", documentId));
    }
}
