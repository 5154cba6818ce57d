package org.palimpsest.api.annotation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;

/**
 * RFC 9110's preconditions on annotations through real HTTP, clause by clause: If-Match (§13.1.1) on every change,
 * If-None-Match (§13.1.2) on reads (304) and on PUT (412, and {@code *} to create), in the order of §13.2.2.
 */
class AnnotationPreconditionsTest extends ArchiveIntegrationTest {

    private static final String TEXT = "The lighthouse keeper logged every ship that passed the northern reef.";

    /** §13.1.1: If-Match is false unless a listed tag matches the current one strongly; false is 412, never 400. */
    @Test
    void ifMatchThatDoesNotMatchIsAlways412() {
        String doc = importText();
        String id = created(doc, "first");

        for (String tag : new String[] {"\"abc\"", "one", "W/\"1\"", "\"1\"x", "\"\"", "\"99999999999999999999999\""}) {
            Response refused = call("PUT", id, "annotator", annotation(doc, "never stored"), "If-Match", tag);
            assertThat(refused.status()).as("If-Match: " + tag).isEqualTo(412);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("field").asString()).isEqualTo("If-Match");
            assertThat(refused.header("ETag")).as("the current tag, to retry with").isEqualTo("\"1\"");
        }
        Response stale = call("DELETE", id, "annotator", null, "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("field").asString()).isEqualTo("If-Match");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(get(id).json().get("body").get("value").asString()).as("nothing changed").isEqualTo("first");
        assertThat(call("PUT", id, "annotator", annotation(doc, "x")).status()).as("no If-Match at all").isEqualTo(428);
    }

    /** §13.1.1: a list matches when any member does; "*" matches any current representation. */
    @Test
    void ifMatchListsAndStarMatchAsTheRfcSays() {
        String doc = importText();
        String id = created(doc, "first");

        Response listed = call("PUT", id, "annotator", annotation(doc, "second"), "If-Match", "\"9\", W/\"1\", \"1\"");
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
        assertThat(listed.header("ETag")).isEqualTo("\"2\"");
        Response any = call("PUT", id, "annotator", annotation(doc, "third"), "If-Match", "*");
        assertThat(any.status()).as(any.raw().body()).isEqualTo(200);
        assertThat(any.header("ETag")).isEqualTo("\"3\"");
        Response deleted = call("DELETE", id, "annotator", null, "If-Match", "*");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(call("POST", id + "/restore", "annotator", null, "If-Match", "\"3\"").status())
                .as("the tombstone's tag is no longer current").isEqualTo(412);
        assertThat(call("POST", id + "/restore", "annotator", null, "If-Match", "\"4\"").status()).isEqualTo(200);
        assertThat(call("POST", id + "/hide", "editor", Map.of("reason", "spam"), "If-Match", "W/\"5\"").status())
                .as("hiding compares strongly too").isEqualTo(412);
    }

    /** §13.1.2 on GET: If-None-Match naming the current tag (compared weakly), or "*", is 304 with that tag. */
    @Test
    void ifNoneMatchOnReadsIsNotModifiedWithTheTag() {
        String doc = importText();
        String id = created(doc, "first");

        for (String tag : new String[] {"\"1\"", "W/\"1\"", "\"5\", \"1\"", "*"}) {
            Response notModified = call("GET", id, null, null, "If-None-Match", tag);
            assertThat(notModified.status()).as("If-None-Match: " + tag).isEqualTo(304);
            assertThat(notModified.header("ETag")).isEqualTo("\"1\"");
            assertThat(notModified.raw().body()).isEmpty();
        }
        assertThat(call("GET", id, null, null, "If-None-Match", "\"2\"").status()).isEqualTo(200);
        assertThat(call("GET", id, null, null, "If-Match", "\"2\"").status()).as("§13.2.2 step 1 on a read").isEqualTo(412);
        assertThat(call("GET", id, null, null, "If-Match", "\"1\"").status()).isEqualTo(200);
        Response version = call("GET", id + "/versions/1", null, null, "If-None-Match", "\"1\"");
        assertThat(version.status()).as("a version keeps its tag").isEqualTo(304);
        assertThat(version.header("ETag")).isEqualTo("\"1\"");
    }

    /** §13.1.2 on PUT: "*" creates the annotation only if none has the id; a current tag in the list is 412. */
    @Test
    void ifNoneMatchStarOnPutCreatesOnlyWhatIsAbsent() {
        String doc = importText();
        String chosen = "/annotations/" + UUID.randomUUID();

        Response createdByPut = call("PUT", chosen, "annotator", annotation(doc, "made with PUT"), "If-None-Match", "*");
        assertThat(createdByPut.status()).as(createdByPut.raw().body()).isEqualTo(201);
        assertThat(createdByPut.header("Location")).isEqualTo(base() + chosen);
        assertThat(createdByPut.header("ETag")).isEqualTo("\"1\"");
        assertThat(createdByPut.json().get("id").asString()).isEqualTo(base() + chosen);
        assertThat(get(chosen).json().get("body").get("value").asString()).isEqualTo("made with PUT");

        Response again = call("PUT", chosen, "annotator", annotation(doc, "lost"), "If-None-Match", "*");
        assertThat(again.status()).isEqualTo(412);
        assertThat(again.json().get("field").asString()).isEqualTo("If-None-Match");
        Response both = call("PUT", chosen, "annotator", annotation(doc, "lost"), "If-Match", "\"1\"", "If-None-Match", "\"1\"");
        assertThat(both.status()).as("If-Match holds, If-None-Match names the current tag").isEqualTo(412);
        assertThat(both.json().get("field").asString()).isEqualTo("If-None-Match");
        assertThat(get(chosen).json().get("body").get("value").asString()).isEqualTo("made with PUT");

        String documentId = "/annotations/" + doc;
        Response otherAggregate = call("PUT", documentId, "annotator", annotation(doc, "squatting"), "If-None-Match", "*");
        assertThat(otherAggregate.status()).as("a document's id is taken too").isEqualTo(412);
        Response notUuid = call("PUT", "/annotations/my-own-name", "annotator", annotation(doc, "x"), "If-None-Match", "*");
        assertThat(notUuid.status()).isEqualTo(422);
        assertThat(notUuid.json().get("field").asString()).isEqualTo("id");
        assertThat(call("PUT", "/annotations/" + UUID.randomUUID(), "reader", annotation(doc, "x"), "If-None-Match", "*")
                .status()).isEqualTo(403);
    }

    private String importText() {
        Response created = postJson("/api/documents", Map.of("text", TEXT + "\n\n" + UUID.randomUUID()), "editor");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String created(String doc, String comment) {
        Response created = call("POST", "/annotations/", "annotator", annotation(doc, comment));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String location = created.header("Location");
        return location.substring(base().length());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Response call(String method, String path, String user, Object body, String... headers) {
        HttpRequest.Builder builder = request(path, user);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            builder.header("Content-Type", "application/ld+json");
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build());
    }

    private static Map<String, Object> annotation(String documentId, String comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "http://www.w3.org/ns/anno.jsonld");
        json.put("type", "Annotation");
        json.put("motivation", "commenting");
        json.put("body", Map.of("type", "TextualBody", "value", comment, "format", "text/plain"));
        json.put("target", Map.of("source", "/api/documents/" + documentId,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "lighthouse keeper")));
        return json;
    }
}
