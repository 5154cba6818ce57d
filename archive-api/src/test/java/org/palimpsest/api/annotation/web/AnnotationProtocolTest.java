package org.palimpsest.api.annotation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The W3C Web Annotation Protocol through real HTTP: every answer the container and its annotations give, content
 * negotiation, container pages and LDP preferences, filters, versions, threads, moderation, and anchoring to a text
 * that fixes changed (with characters outside the BMP, so code points and UTF-16 units differ).
 */
class AnnotationProtocolTest extends ArchiveIntegrationTest {

    private static final String JSON_LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    private static final String TEXT = "Intro 😀 line. The ferry to 𝔏annis ran aground every spring. "
            + "The harbour master wrote it down. Then came the storm of violet ink and paper.";

    @Autowired
    private DocumentAnnotations documentAnnotations;

    // Requests.

    private Response call(String method, String path, String user, Object body, String... headers) {
        HttpRequest.Builder builder = request(path, user);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body),
                        StandardCharsets.UTF_8);
        if (body != null && java.util.Arrays.stream(headers).noneMatch("Content-Type"::equalsIgnoreCase)) {
            builder.header("Content-Type", JSON_LD);
        }
        return send(builder.method(method, publisher).build());
    }

    private Response getAs(String path, String user, String... headers) {
        return call("GET", path, user, null, headers);
    }

    private Response create(Map<String, Object> annotation, String user) {
        return call("POST", "/annotations/", user, annotation);
    }

    private String createdId(Map<String, Object> annotation, String user) {
        Response created = create(annotation, user);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return path(created.header("Location"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String path(String iri) {
        return iri.startsWith(base()) ? iri.substring(base().length()) : iri;
    }

    private String importText(String text) {
        Response created = postJson("/api/documents", Map.of("text", text + "\n\n" + UUID.randomUUID()), "editor");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String currentText(String documentId) {
        return get("/api/documents/" + documentId).json().get("text").asString();
    }

    private void acceptFix(String documentId, String exact, String replacement) {
        String text = currentText(documentId);
        int start = text.codePointCount(0, text.indexOf(exact));
        Response fix = postJson("/api/documents/" + documentId + "/fixes?accept=true", Map.of(
                "target", Map.of("exact", exact, "start", start), "replacement", replacement, "reason", "r"), "editor");
        assertThat(fix.status()).as(fix.raw().body()).isEqualTo(201);
    }

    private static Map<String, Object> annotation(String documentId, String exact, String comment, Object... more) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", "/api/documents/" + documentId);
        target.put("selector", Map.of("type", "TextQuoteSelector", "exact", exact));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "http://www.w3.org/ns/anno.jsonld");
        json.put("type", "Annotation");
        json.put("motivation", "commenting");
        json.put("body", Map.of("type", "TextualBody", "value", comment, "format", "text/plain"));
        json.put("target", target);
        for (int i = 0; i < more.length; i += 2) {
            String key = (String) more[i];
            if (key.startsWith("target.")) {
                target.put(key.substring("target.".length()), more[i + 1]);
            } else {
                json.put(key, more[i + 1]);
            }
        }
        return json;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.isObject() ? node.get("id").asString() : node.asString()));
        return values;
    }

    // Tests.

    @Test
    void createsAndReadsAnnotationsWithEtagsAndContentNegotiation() {
        String doc = importText(TEXT);
        Response created = create(annotation(doc, "ferry to 𝔏annis", "which ferry?"), "annotator");

        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).startsWith(base() + "/annotations/");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.contentType()).startsWith("application/ld+json").contains("http://www.w3.org/ns/anno.jsonld");
        assertThat(created.raw().headers().allValues("Link")).contains("<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"");
        assertThat(created.header("Allow")).contains("PUT").contains("DELETE");
        JsonNode json = created.json();
        assertThat(json.get("id").asString()).isEqualTo(location);
        assertThat(json.get("type").asString()).isEqualTo("Annotation");
        assertThat(json.get("creator").get("nickname").asString()).isEqualTo("annotator");
        assertThat(json.get("palimpsest:version").asLong()).isEqualTo(1);
        JsonNode target = json.get("target");
        assertThat(target.get("source").asString()).isEqualTo(base() + "/api/documents/" + doc);
        assertThat(target.get("palimpsest:revision").asLong()).isZero();
        assertThat(target.get("state").get("type").asString()).isEqualTo("TimeState");
        JsonNode quote = target.get("selector").get(0);
        assertThat(quote.get("prefix").asString()).as("context captured from the text").endsWith("line. The ");
        JsonNode position = target.get("selector").get(1);
        assertThat(position.get("start").asInt()).as("code points, not UTF-16 units")
                .isEqualTo(TEXT.codePointCount(0, TEXT.indexOf("ferry to")));
        assertThat(position.get("end").asInt() - position.get("start").asInt()).isEqualTo(15);

        String id = path(location);
        Response read = get(id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.header("Vary")).contains("Accept");
        assertThat(read.contentType()).startsWith("application/ld+json");
        assertThat(read.json()).isEqualTo(json);

        Response plain = getAs(id, null, "Accept", "application/json");
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(plain.json()).isEqualTo(json);
        Response preferred = getAs(id, null, "Accept", "application/json;q=0.5, application/ld+json");
        assertThat(preferred.contentType()).startsWith("application/ld+json");
        Response html = getAs(id, null, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.contentType()).startsWith("application/problem+json");
        assertThat(getAs(id, null, "If-None-Match", "\"1\"").status()).isEqualTo(304);

        Response byPlainJson = call("POST", "/annotations", "annotator", Map.of(
                "type", "Annotation", "bodyValue", "plain JSON works too",
                "target", Map.of("source", base() + "/api/documents/" + doc,
                        "selector", Map.of("type", "TextQuoteSelector", "exact", "violet ink"))),
                "Content-Type", "application/json", "Accept", "application/json");
        assertThat(byPlainJson.status()).isEqualTo(201);
        assertThat(byPlainJson.contentType()).startsWith("application/json");
        assertThat(byPlainJson.json().get("body").get("value").asString()).isEqualTo("plain JSON works too");

        Response missing = get("/annotations/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesWhatItCannotStoreNamingTheField() {
        String doc = importText(TEXT);
        Response absent = create(annotation(doc, "not in the text", "x"), "annotator");
        assertThat(absent.status()).isEqualTo(422);
        assertThat(absent.contentType()).startsWith("application/problem+json");
        assertThat(absent.json().get("field").asString()).isEqualTo("target.selector");

        Map<String, Object> noTarget = annotation(doc, "ferry", "x");
        noTarget.remove("target");
        assertThat(create(noTarget, "annotator").json().get("field").asString()).isEqualTo("target");
        Response motivation = create(annotation(doc, "ferry", "x", "motivation", "pondering"), "annotator");
        assertThat(motivation.status()).isEqualTo(422);
        assertThat(motivation.json().get("field").asString()).isEqualTo("motivation");
        Response unknownDocument = create(annotation("no-such-document", "ferry", "x"), "annotator");
        assertThat(unknownDocument.json().get("field").asString()).isEqualTo("target.source");
        Response position = create(annotation(doc, "ferry", "x", "target.selector", List.of(
                Map.of("type", "TextQuoteSelector", "exact", "ferry"),
                Map.of("type", "TextPositionSelector", "start", 0, "end", 5))), "annotator");
        assertThat(position.status()).isEqualTo(422);
        assertThat(position.json().get("field").asString()).isEqualTo("target.selector");
        Response replyToNothing = create(Map.of("type", "Annotation", "motivation", "replying", "bodyValue", "hm",
                "target", "/annotations/" + UUID.randomUUID()), "annotator");
        assertThat(replyToNothing.status()).isEqualTo(422);
        assertThat(replyToNothing.json().get("field").asString()).isEqualTo("target");

        assertThat(call("POST", "/annotations/", "annotator", "[1, 2]").status()).isEqualTo(400);
        assertThat(call("POST", "/annotations/", "annotator", "{not json").status()).isEqualTo(400);
        assertThat(call("POST", "/annotations/", "annotator", "x", "Content-Type", "text/plain").status()).isEqualTo(415);
    }

    @Test
    void onlyAnnotatorsWriteAndOnlyTheCreatorOrAnEditorChangesAnAnnotation() {
        String doc = importText(TEXT);
        Map<String, Object> body = annotation(doc, "ferry", "mine");
        Response anonymous = create(body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(create(body, "reader").status()).isEqualTo(403);
        assertThat(create(body, "auditor").status()).isEqualTo(403);
        assertThat(call("POST", "/annotations/", "wrong", body).status()).isEqualTo(401);

        String byEditor = createdId(annotation(doc, "ferry", "the editor's"), "editor");
        assertThat(get(byEditor).status()).as("anonymous reads are on").isEqualTo(200);
        Response notYours = call("PUT", byEditor, "annotator", annotation(doc, "ferry", "taken over"), "If-Match", "\"1\"");
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.contentType()).startsWith("application/problem+json");
        assertThat(call("DELETE", byEditor, "annotator", null, "If-Match", "\"1\"").status()).isEqualTo(403);
        assertThat(call("PUT", byEditor, null, annotation(doc, "ferry", "x"), "If-Match", "\"1\"").status()).isEqualTo(401);

        String byAnnotator = createdId(annotation(doc, "ferry", "the annotator's"), "annotator");
        Response moderated = call("PUT", byAnnotator, "editor", annotation(doc, "ferry", "toned down"), "If-Match", "\"1\"");
        assertThat(moderated.status()).as("editors moderate").isEqualTo(200);
        assertThat(moderated.json().get("creator").get("nickname").asString()).isEqualTo("annotator");
        Response versions = get(byAnnotator + "/versions");
        assertThat(versions.json().get("items").get(1).get("actor").asString()).isEqualTo("editor");
        assertThat(versions.json().get("items").get(1).get("byModerator").asBoolean()).isTrue();
        assertThat(call("PUT", "/annotations/" + UUID.randomUUID(), "annotator", body, "If-Match", "\"1\"").status())
                .isEqualTo(404);
    }

    @Test
    void changesNameTheVersionTheyWereMadeAgainst() {
        String doc = importText(TEXT);
        String id = createdId(annotation(doc, "ferry", "first"), "annotator");

        Response withoutIfMatch = call("PUT", id, "annotator", annotation(doc, "ferry", "second"));
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(withoutIfMatch.contentType()).startsWith("application/problem+json");
        assertThat(withoutIfMatch.json().get("parameter").asString()).isEqualTo("If-Match");
        // Every other If-Match (*, lists, weak, garbled and non-numeric tags) is AnnotationPreconditionsTest's.

        Response revised = call("PUT", id, "annotator", annotation(doc, "ferry", "second"), "If-Match", "\"1\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");
        assertThat(revised.json().get("palimpsest:version").asLong()).isEqualTo(2);
        assertThat(revised.json().get("body").get("value").asString()).isEqualTo("second");
        assertThat(revised.json().get("modified")).isNotNull();

        Response stale = call("PUT", id, "annotator", annotation(doc, "ferry", "lost update"), "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(get(id).json().get("body").get("value").asString()).isEqualTo("second");

        Response same = call("PUT", id, "annotator", annotation(doc, "ferry", "second"), "If-Match", "\"2\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).as("a repeated PUT records nothing").isEqualTo("\"2\"");
        Response otherId = call("PUT", id, "annotator", annotation(doc, "ferry", "x", "id",
                "/annotations/" + UUID.randomUUID()), "If-Match", "\"2\"");
        assertThat(otherId.status()).isEqualTo(422);
        assertThat(otherId.json().get("field").asString()).isEqualTo("id");
    }

    @Test
    void deletingLeavesATombstoneThatCanBeRestored() {
        String doc = importText(TEXT);
        String id = createdId(annotation(doc, "violet ink", "purple?"), "annotator");

        assertThat(call("DELETE", id, "annotator", null).status()).isEqualTo(428);
        assertThat(call("DELETE", id, "annotator", null, "If-Match", "\"7\"").status()).isEqualTo(412);
        Response deleted = call("DELETE", id + "?reason=duplicate", "annotator", null, "If-Match", "\"1\"");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("ETag")).isEqualTo("\"2\"");

        Response gone = get(id);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(call("PUT", id, "annotator", annotation(doc, "violet ink", "x"), "If-Match", "\"2\"").status())
                .isEqualTo(410);
        assertThat(call("DELETE", id, "annotator", null, "If-Match", "\"2\"").status()).isEqualTo(410);
        assertThat(strings(get("/annotations/?target=" + doc).json().get("first").get("items"))).isEmpty();
        assertThat(get(id + "/versions").status()).as("a tombstone's history is not for everyone").isEqualTo(410);
        Response history = getAs(id + "/versions", "annotator");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items").get(1).get("reason").asString()).isEqualTo("duplicate");

        assertThat(call("POST", id + "/restore", "reader", null, "If-Match", "\"2\"").status()).isEqualTo(403);
        assertThat(call("POST", id + "/restore", "annotator", null).status()).isEqualTo(428);
        Response restored = call("POST", id + "/restore", "annotator", Map.of("reason", "not a duplicate"),
                "If-Match", "\"2\"", "Content-Type", "application/json");
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.header("ETag")).isEqualTo("\"3\"");
        assertThat(restored.json().has("palimpsest:deleted")).isFalse();
        assertThat(get(id).status()).isEqualTo(200);
        Response again = call("POST", id + "/restore", "annotator", null, "If-Match", "\"3\"");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyVersionIsExactlyWhatGetAnsweredThen() {
        String doc = importText(TEXT);
        String id = createdId(annotation(doc, "harbour master", "who?"), "annotator");
        JsonNode v1 = get(id).json();
        call("PUT", id, "annotator", annotation(doc, "harbour master", "who was he?", "motivation", "questioning"),
                "If-Match", "\"1\"");
        JsonNode v2 = get(id).json();
        call("DELETE", id, "annotator", null, "If-Match", "\"2\"");

        Response history = getAs(id + "/versions", "auditor");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.contentType()).startsWith("application/json");
        JsonNode items = history.json().get("items");
        assertThat(history.json().get("current").asLong()).isEqualTo(3);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("change").asString()).isEqualTo("created");
        assertThat(items.get(1).get("change").asString()).isEqualTo("revised");
        assertThat(strings(items.get(1).get("changed"))).containsExactly("motivation", "body");
        assertThat(items.get(2).get("change").asString()).isEqualTo("deleted");
        assertThat(items.get(0).get("actor").asString()).isEqualTo("annotator");
        assertThat(items.get(0).get("time").asString()).isNotBlank();
        assertThat(items.get(1).get("id").asString()).isEqualTo(base() + id + "/versions/2");

        Response first = getAs(id + "/versions/1", "annotator");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(v1);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.header("Memento-Datetime")).isNotBlank();
        assertThat(first.contentType()).startsWith("application/ld+json");
        assertThat(getAs(id + "/versions/2", "annotator").json()).isEqualTo(v2);
        assertThat(getAs(id + "/versions/3", "annotator").json().get("palimpsest:deleted").asBoolean()).isTrue();
        assertThat(getAs(id + "/versions/4", "annotator").status()).isEqualTo(404);
        assertThat(get("/annotations/" + UUID.randomUUID() + "/versions").status()).isEqualTo(404);

        // As of a time: the version current then, as a memento; a tombstone answers 410 as GET did then.
        String createdAt = items.get(0).get("time").asString();
        Response asOfFirst = getAs(id + "?asOf=" + createdAt, "annotator");
        assertThat(asOfFirst.status()).isEqualTo(200);
        assertThat(asOfFirst.json()).isEqualTo(v1);
        assertThat(asOfFirst.header("Memento-Datetime")).isNotBlank();
        assertThat(asOfFirst.raw().headers().allValues("Link")).anySatisfy(link -> assertThat(link).contains("rel=\"timemap\""));
        assertThat(getAs(id + "?asOf=" + items.get(1).get("time").asString(), "annotator").json()).isEqualTo(v2);
        assertThat(getAs(id + "?asOf=2000-01-01T00:00:00Z", "annotator").status()).isEqualTo(404);
        Response late = call("GET", id, "annotator", null, "Accept-Datetime", "Fri, 01 Jan 2100 00:00:00 GMT");
        assertThat(late.status()).isEqualTo(410);
        Response timemap = getAs(id + "/timemap", "annotator");
        assertThat(timemap.raw().body().split("rel=\"memento\"", -1)).hasSize(4);
    }

    @Test
    void theReadingViewAsOfATimeShowsTheAnnotationsAsTheyWereThen() {
        String doc = importText(TEXT);
        String id = createdId(annotation(doc, "harbour master", "who?"), "annotator");
        call("PUT", id, "annotator", annotation(doc, "harbour master", "who was he really?"), "If-Match", "\"1\"");
        JsonNode versions = getAs(id + "/versions", "annotator").json().get("items");
        String firstTime = versions.get(0).get("time").asString();
        String secondTime = versions.get(1).get("time").asString();
        String documentId = doc;

        JsonNode then = get("/api/documents/" + documentId + "?asOf=" + firstTime).json().get("annotations");
        assertThat(then).hasSize(1);
        assertThat(then.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(then.get(0).get("status").asString()).isEqualTo("exact");
        JsonNode later = get("/api/documents/" + documentId + "?asOf=" + secondTime).json().get("annotations");
        assertThat(later.get(0).get("version").asLong()).isEqualTo(2);
        assertThat(later.get(0).toString()).contains("who was he really?");
        JsonNode containerThen = get("/annotations/?target=" + documentId + "&asOf=" + firstTime).json();
        assertThat(containerThen.get("total").asInt()).isEqualTo(1);
        assertThat(containerThen.get("first").get("items").get(0).toString()).contains("who?").doesNotContain("really");
        assertThat(containerThen.get("id").asString()).contains("asOf=");
        assertThat(get("/annotations/?target=" + documentId).json().get("first").get("items").get(0).toString())
                .contains("who was he really?");
        assertThat(get("/annotations/?asOf=" + firstTime).status()).isEqualTo(400);
        JsonNode imported = get("/api/documents/" + documentId + "?atPosition="
                + get("/api/documents/" + documentId).json().get("asOf").get("position").asLong()).json();
        assertThat(imported.get("annotations")).isEmpty();
    }

    @Test
    void editorsHideAnnotationsFromReadersAndShowThemAgain() {
        String doc = importText(TEXT);
        String id = createdId(annotation(doc, "storm", "buy cheap ink at …"), "annotator");

        assertThat(call("POST", id + "/hide", "annotator", Map.of("reason", "mine anyway")).status()).isEqualTo(403);
        Response noReason = call("POST", id + "/hide", "editor", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        Response hidden = call("POST", id + "/hide", "editor", Map.of("reason", "spam"));
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.header("ETag")).isEqualTo("\"2\"");
        assertThat(hidden.json().get("palimpsest:hidden").asBoolean()).isTrue();
        assertThat(call("POST", id + "/hide", "editor", Map.of("reason", "spam"), "If-Match", "\"2\"").status())
                .isEqualTo(409);

        assertThat(get(id).status()).isEqualTo(404);
        assertThat(getAs(id, "reader").status()).isEqualTo(404);
        assertThat(getAs(id, "annotator").status()).as("its creator still sees it").isEqualTo(200);
        assertThat(getAs(id, "editor").status()).isEqualTo(200);
        assertThat(get(id + "/versions").status()).isEqualTo(404);
        assertThat(getAs(id + "/versions", "auditor").status()).isEqualTo(200);
        assertThat(strings(get("/annotations/?target=" + doc).json().get("first").get("items"))).isEmpty();
        assertThat(strings(getAs("/annotations/?target=" + doc, "editor").json().get("first").get("items"))).hasSize(1);
        assertThat(documentAnnotations.forDocument(doc, currentText(doc))).isEmpty();

        Response stale = call("POST", id + "/unhide", "editor", Map.of("reason", "appeal"), "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        Response shown = call("POST", id + "/unhide", "editor", Map.of("reason", "appeal"), "If-Match", "\"2\"");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().has("palimpsest:hidden")).isFalse();
        assertThat(get(id).status()).isEqualTo(200);
        assertThat(call("POST", id + "/unhide", "editor", null).status()).isEqualTo(409);
    }

    @Test
    void theContainerPagesFiltersAndHonoursLdpPreferences() {
        String doc = importText(TEXT);
        List<String> ids = new ArrayList<>();
        for (String exact : new String[] {"Intro", "ferry", "aground"}) {
            ids.add(createdId(annotation(doc, exact, "note on " + exact, "body", List.of(
                    Map.of("type", "TextualBody", "value", "note on " + exact),
                    Map.of("type", "TextualBody", "value", "ferries", "purpose", "tagging"))), "annotator"));
        }
        for (String exact : new String[] {"harbour", "storm"}) {
            ids.add(createdId(annotation(doc, exact, "why " + exact + "?", "motivation", "questioning"), "editor"));
        }
        String filtered = "/annotations/?target=" + doc;

        Response container = get(filtered + "&size=2");
        assertThat(container.status()).isEqualTo(200);
        assertThat(container.contentType()).startsWith("application/ld+json");
        assertThat(container.raw().headers().allValues("Link"))
                .contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"");
        assertThat(container.header("Accept-Post")).contains("application/ld+json");
        assertThat(container.header("Allow")).contains("POST");
        assertThat(container.header("Vary")).contains("Prefer");
        JsonNode collection = container.json();
        assertThat(strings(collection.get("type"))).containsExactly("BasicContainer", "AnnotationCollection");
        assertThat(collection.get("id").asString()).isEqualTo(base() + "/annotations/?target=" + doc);
        assertThat(collection.get("total").asLong()).isEqualTo(5);
        JsonNode first = collection.get("first");
        assertThat(first.get("type").asString()).isEqualTo("AnnotationPage");
        assertThat(strings(first.get("items"))).containsExactly(base() + ids.get(0), base() + ids.get(1));
        assertThat(first.get("items").get(0).get("body")).as("descriptions by default").isNotNull();
        assertThat(first.get("next").asString()).endsWith("size=2&page=1");
        assertThat(collection.get("last").asString()).endsWith("size=2&page=2");

        Response iris = getAs(filtered + "&size=2", null, "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"");
        assertThat(iris.header("Preference-Applied")).isEqualTo("return=representation");
        assertThat(iris.json().get("first").get("items").get(0).isString()).isTrue();
        assertThat(iris.json().get("first").get("id").asString()).contains("iris=1");
        Response descriptions = getAs(filtered, null, "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedDescriptions\"");
        assertThat(descriptions.json().get("first").get("items").get(4).get("type").asString()).isEqualTo("Annotation");
        Response minimal = getAs(filtered, null, "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"");
        assertThat(minimal.json().get("first").isString()).isTrue();
        assertThat(minimal.json().get("total").asLong()).isEqualTo(5);
        assertThat(minimal.raw().body()).doesNotContain("note on");

        Response last = get(filtered + "&size=2&page=2");
        assertThat(last.status()).isEqualTo(200);
        JsonNode page = last.json();
        assertThat(page.get("type").asString()).isEqualTo("AnnotationPage");
        assertThat(page.get("startIndex").asLong()).isEqualTo(4);
        assertThat(page.get("partOf").get("total").asLong()).isEqualTo(5);
        assertThat(page.get("partOf").get("id").asString()).isEqualTo(collection.get("id").asString());
        assertThat(page.get("prev").asString()).endsWith("page=1");
        assertThat(page.has("next")).isFalse();
        assertThat(strings(page.get("items"))).containsExactly(base() + ids.get(4));
        assertThat(strings(get(filtered + "&size=2&page=1&iris=1").json().get("items")))
                .containsExactly(base() + ids.get(2), base() + ids.get(3));
        assertThat(get(filtered + "&size=2&page=3").status()).isEqualTo(404);
        Response negative = get(filtered + "&page=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("parameter").asString()).isEqualTo("page");
        assertThat(get(filtered + "&size=0").status()).isEqualTo(400);

        String byIri = "/annotations/?target=" + encode(base() + "/api/documents/" + doc);
        assertThat(get(byIri).json().get("total").asLong()).isEqualTo(5);
        assertThat(get(filtered + "&creator=editor").json().get("total").asLong()).isEqualTo(2);
        assertThat(get(filtered + "&tag=ferries").json().get("total").asLong()).isEqualTo(3);
        assertThat(get(filtered + "&motivation=questioning").json().get("total").asLong()).isEqualTo(2);
        assertThat(get(filtered + "&motivation=" + encode("oa:questioning")).json().get("total").asLong()).isEqualTo(2);
        assertThat(get(filtered + "&creator=editor&motivation=commenting").json().get("total").asLong()).isZero();
        assertThat(get(filtered + "&motivation=pondering").status()).isEqualTo(400);
        assertThat(get("/annotations/?tag=ferries").json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        Response all = get("/annotations");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(getAs("/annotations/", null, "Accept", "application/json").contentType()).startsWith("application/json");
    }

    @Test
    void repliesAreAnnotationsOnAnnotationsAndComeWithTheirThread() {
        String doc = importText(TEXT);
        String question = createdId(annotation(doc, "ferry to 𝔏annis", "which ferry?"), "annotator");
        Map<String, Object> reply = new HashMap<>(Map.of("type", "Annotation", "motivation", "replying",
                "bodyValue", "the morning one", "target", base() + question));
        Response answered = create(reply, "editor");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.json().get("target").asString()).isEqualTo(base() + question);
        String answer = path(answered.header("Location"));
        String thanks = createdId(Map.of("type", "Annotation", "motivation", "replying", "bodyValue", "thanks",
                "target", answer), "annotator");

        assertThat(strings(get("/annotations/?target=" + encode(base() + question)).json().get("first").get("items")))
                .containsExactly(base() + answer);
        assertThat(strings(get("/annotations/?target=" + doc).json().get("first").get("items")))
                .as("a document's annotations; replies come in their thread").containsExactly(base() + question);

        List<DocumentAnnotation> shown = documentAnnotations.forDocument(doc, currentText(doc));
        assertThat(shown).hasSize(1);
        DocumentAnnotation root = shown.get(0);
        assertThat(root.id()).isEqualTo(question.substring("/annotations/".length()));
        assertThat(root.replies()).extracting(AnnotationReply::id).containsExactly(answer.substring("/annotations/".length()));
        assertThat(root.replies().get(0).replies()).extracting(AnnotationReply::id)
                .containsExactly(thanks.substring("/annotations/".length()));
        assertThat(root.replies().get(0).bodies().get(0).value()).isEqualTo("the morning one");

        call("DELETE", question, "annotator", null, "If-Match", "\"1\"");
        Response toDeleted = create(reply, "editor");
        assertThat(toDeleted.status()).isEqualTo(422);
        assertThat(toDeleted.json().get("field").asString()).isEqualTo("target");
    }

    @Test
    void annotationsFollowTheTextThroughFixes() {
        String doc = importText(TEXT);
        String ferry = createdId(annotation(doc, "ferry to 𝔏annis", "which ferry?"), "annotator");
        String master = createdId(annotation(doc, "The harbour master wrote it down", "who?"), "annotator");
        String ink = createdId(annotation(doc, "violet ink", "purple?"), "annotator");
        String original = currentText(doc);
        int ferryStart = original.codePointCount(0, original.indexOf("ferry to"));

        acceptFix(doc, "Intro 😀", "Preface 😀😀");                                    // before: shifts by 3
        acceptFix(doc, "harbour master", "harbor master");                            // inside: fuzzy
        acceptFix(doc, "Then came the storm of violet ink and paper.", "Nothing more."); // the quote is gone

        Response listed = get("/annotations/?target=" + doc);
        Map<String, JsonNode> anchoring = new HashMap<>();
        listed.json().get("first").get("items").forEach(item ->
                anchoring.put(path(item.get("id").asString()), item.get("palimpsest:anchoring")));
        JsonNode exact = anchoring.get(ferry);
        assertThat(exact.get("status").asString()).isEqualTo("exact");
        assertThat(exact.get("start").asInt()).isEqualTo(ferryStart + 3);
        assertThat(exact.get("exact").asString()).isEqualTo("ferry to 𝔏annis");
        assertThat(exact.get("revision").asLong()).isEqualTo(3);
        JsonNode fuzzy = anchoring.get(master);
        assertThat(fuzzy.get("status").asString()).isEqualTo("fuzzy");
        assertThat(fuzzy.get("score").asDouble()).isBetween(0.7, 0.99);
        assertThat(fuzzy.get("exact").asString()).isEqualTo("The harbor master wrote it down");
        JsonNode orphan = anchoring.get(ink);
        assertThat(orphan.get("status").asString()).isEqualTo("orphaned");
        assertThat(orphan.get("lastKnown").get("revision").asLong()).isZero();
        assertThat(orphan.get("lastKnown").get("start").asInt())
                .isEqualTo(original.codePointCount(0, original.indexOf("violet ink")));

        String current = currentText(doc);
        List<DocumentAnnotation> shown = documentAnnotations.forDocument(doc, current, 3);
        assertThat(shown).extracting(DocumentAnnotation::status).containsExactly("exact", "fuzzy", "orphaned");
        DocumentAnnotation first = shown.get(0);
        assertThat(first.iri()).endsWith(ferry);
        assertThat(first.score()).isEqualTo(1.0);
        assertThat(new StringBuilder().appendCodePoint(current.codePointAt(current.offsetByCodePoints(0,
                first.span().start()))).toString()).isEqualTo("f");
        assertThat(shown.get(1).currentQuote()).isEqualTo("The harbor master wrote it down");
        assertThat(shown.get(1).quote()).isEqualTo("The harbour master wrote it down");
        assertThat(shown.get(2).span()).isNull();
        assertThat(shown.get(2).lastKnown().revision()).isZero();

        // The reading view carries the same anchored annotations.
        JsonNode view = get("/api/documents/" + doc).json();
        assertThat(view.get("annotations")).extracting(a -> a.get("status").asString())
                .containsExactly("exact", "fuzzy", "orphaned");
        assertThat(view.get("annotations").get(0).get("span").get("start").asInt()).isEqualTo(ferryStart + 3);

        // Selectors are checked against the revision they name: the old wording exists only in revision 0.
        Response onOldRevision = create(annotation(doc, "Intro 😀", "old opening", "target.palimpsest:revision", 0),
                "annotator");
        assertThat(onOldRevision.status()).isEqualTo(201);
        assertThat(onOldRevision.json().get("target").get("palimpsest:revision").asLong()).isZero();
        Response onCurrent = create(annotation(doc, "Intro 😀", "old opening"), "annotator");
        assertThat(onCurrent.status()).isEqualTo(422);
        assertThat(onCurrent.json().get("field").asString()).isEqualTo("target.selector");
        Response noSuchRevision = create(annotation(doc, "ferry", "x", "target.palimpsest:revision", 9), "annotator");
        assertThat(noSuchRevision.status()).isEqualTo(422);
        assertThat(noSuchRevision.json().get("field").asString()).isEqualTo("target.palimpsest:revision");
    }
}
