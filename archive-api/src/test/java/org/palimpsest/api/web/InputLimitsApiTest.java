package org.palimpsest.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.archive.eventstore.SequencedMongoEventStorageEngine;
import org.palimpsest.archive.input.InputLimits;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, points 2 and 4 over HTTP: one body limit for every content type, counted before parsing; field limits
 * from {@code InputLimits} answered 422 naming field and limit and published in OpenAPI; strict UTF-8 and whole
 * characters only; the content hash is the hash of the stored text; front matter alone is no document. Every
 * refusal leaves the event log as it was.
 */
class InputLimitsApiTest extends ArchiveIntegrationTest {

    private static final int MB = 1024 * 1024;

    // ------------------------------------------------------------------ the request body limit (413)

    @Test
    void aTwelveMegabyteTitleIsRefusedAs413BeforeParsingAndRecordsNothing() {
        long before = events();
        Response refused = postJson("/api/documents",
                Map.of("text", "A short text.", "title", "T".repeat(12 * MB)), "editor");

        assertTooLarge(refused);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aSeventeenMegabyteJsonImportIsRefusedAs413NeverA500() {
        long before = events();
        Response refused = postJson("/api/documents", Map.of("text", "word ".repeat(17 * MB / 5)), "editor");

        assertTooLarge(refused);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsCountedAsItArrives() {
        byte[] body = ("{\"text\": \"" + "x".repeat(11 * MB) + "\"}").getBytes(StandardCharsets.UTF_8);
        long before = events();
        // ofInputStream has no known length, so the client sends it chunked.
        Response refused = send(request("/api/documents", "editor")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertTooLarge(refused);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTwelveMegabyteWhitespacePaddedFixAndReviewCommentAreRefusedAs413() {
        String documentId = importDocument("The bord met in spring.");
        long before = events();

        Response fix = postJson("/api/documents/" + documentId + "/fixes", Map.of(
                "target", Map.of("exact", "bord"), "replacement", "board",
                "reason", "spelling" + " ".repeat(12 * MB)), "editor");
        assertTooLarge(fix);

        String fixId = proposeFix(documentId);
        long afterProposal = events();
        Response review = postJson("/api/documents/" + documentId + "/fixes/" + fixId + "/accept",
                Map.of("comment", "fine" + "\n".repeat(12 * MB)), "editor");
        assertTooLarge(review);
        assertThat(afterProposal).isEqualTo(before + 1);
        assertThat(events()).isEqualTo(afterProposal);
    }

    // ------------------------------------------------------------------ field limits (422)

    @Test
    void aTitleOverItsLimitIsRefusedNamingFieldAndLimit() {
        long before = events();
        Response refused = postJson("/api/documents", Map.of("text", "Some text " + UUID.randomUUID(),
                "title", "T".repeat(InputLimits.TITLE + 1)), "editor");

        assertFieldTooLong(refused, "title", InputLimits.TITLE);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWhitespacePaddedReasonInABatchIsRefusedNamingTheItem() {
        String documentId = importDocument("The bord met in spring of 2017.");
        long before = events();
        Response refused = postJson("/api/documents/" + documentId + "/fixes", List.of(
                Map.of("target", Map.of("exact", "2017"), "replacement", "2016", "reason", "date"),
                Map.of("target", Map.of("exact", "bord"), "replacement", "board",
                        "reason", "spelling" + " ".repeat(InputLimits.REASON))), "editor");

        assertFieldTooLong(refused, "reason", InputLimits.REASON);
        assertThat(refused.json().get("index").asInt()).isEqualTo(1);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aReviewCommentOverItsLimitIsRefusedNamingFieldAndLimit() {
        String documentId = importDocument("The bord met in spring.");
        String fixId = proposeFix(documentId);
        long before = events();
        Response refused = postJson("/api/documents/" + documentId + "/fixes/" + fixId + "/reject",
                Map.of("comment", "no" + "!".repeat(InputLimits.COMMENT)), "editor");

        assertFieldTooLong(refused, "comment", InputLimits.COMMENT);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAnnotationBodyOverItsLimitIsRefusedNamingFieldAndLimit() {
        String documentId = importDocument("The harbour master wrote it down.");
        long before = events();
        Response refused = postAnnotation(annotation(documentId, "harbour master",
                "\"" + "w".repeat(InputLimits.ANNOTATION_BODIES + 1) + "\""));

        assertFieldTooLong(refused, "body[0].value", InputLimits.ANNOTATION_BODIES);
        assertThat(events()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ only valid Unicode (400)

    @Test
    void aLoneSurrogateInImportTextIsRefusedNamingTheField() {
        long before = events();
        Response refused = postRaw("/api/documents", "application/json",
                utf8("{\"text\": \"half of an emoji: \\ud83d " + UUID.randomUUID() + "\"}"), "editor");

        assertInvalidText(refused, "text");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateInAFixQuoteIsRefusedNamingFieldAndItem() {
        String documentId = importDocument("A scroll \uD83D\uDCDC and a bord.");
        long before = events();
        Response single = postRaw("/api/documents/" + documentId + "/fixes", "application/json",
                utf8("{\"target\": {\"exact\": \"\\ud83d\"}, \"replacement\": \"x\", \"reason\": \"r\"}"), "editor");
        assertInvalidText(single, "target.exact");

        Response batch = postRaw("/api/documents/" + documentId + "/fixes", "application/json",
                utf8("[{\"target\": {\"exact\": \"bord\"}, \"replacement\": \"board\", \"reason\": \"r\"},"
                        + " {\"target\": {\"exact\": \"\\udcdc\"}, \"replacement\": \"x\", \"reason\": \"r\"}]"), "editor");
        assertInvalidText(batch, "target.exact");
        assertThat(batch.json().get("index").asInt()).isEqualTo(1);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateInAnAnnotationQuoteIsRefusedNamingTheField() {
        String documentId = importDocument("A scroll \uD83D\uDCDC lies on the desk.");
        long before = events();
        Response refused = postAnnotation(annotation(documentId, "\\ud83d", "\"which scroll?\""));

        assertInvalidText(refused, "target.selector.exact");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void overlongUtf8InAJsonBodyIsRefusedNotReadAsASlash() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"text\": \"a"));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        body.writeBytes(utf8("b " + UUID.randomUUID() + "\"}"));
        long before = events();
        Response refused = postRaw("/api/documents", "application/json", body.toByteArray(), "editor");

        assertInvalidText(refused, "body");
        assertThat(refused.json().get("offset").asLong()).isEqualTo(11);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void overlongUtf8InARawUploadIsRefusedByTheSameRule() {
        byte[] body = {'a', (byte) 0xC0, (byte) 0xAF, 'b'};
        long before = events();
        Response refused = postRaw("/api/documents", "text/plain", body, "editor");

        assertInvalidText(refused, "body");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aDocumentWithOnlyFrontMatterIsRefusedNamingTheField() {
        long before = events();
        Response markdown = postRaw("/api/documents", "text/markdown",
                utf8("---\ntitle: Only metadata " + UUID.randomUUID() + "\nlanguage: en\n---\n\n  \n"), "editor");
        Response json = postJson("/api/documents",
                Map.of("text", "---\ntitle: Nothing below " + UUID.randomUUID() + "\n---\n"), "editor");

        for (Response refused : List.of(markdown, json)) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
            assertThat(refused.json().get("field").asString()).isEqualTo("text");
            assertThat(refused.json().get("detail").asString()).contains("front matter");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theContentHashIsTheSha256OfTheStoredTextAlsoWhenNormalizationChangedIt() throws Exception {
        // A byte-order mark, CRLF line ends and a decomposed é: normalization changes every one of them.
        String sent = "\uFEFFCafe\u0301 " + UUID.randomUUID() + "\r\nsecond line\r\n";
        Response created = postJson("/api/documents", Map.of("text", sent), "editor");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);

        Document payload = database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION)
                .find(Filters.eq("aggregateIdentifier", created.json().get("id").asString())).first()
                .get("payload", Document.class);
        String stored = payload.getString("text");
        assertThat(stored).isNotEqualTo(sent).startsWith("Caf\u00e9 ").doesNotContain("\r");
        String sha256 = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8)));
        assertThat(payload.getString("contentHash")).isEqualTo(sha256);
    }

    // ------------------------------------------------------------------ published limits

    @Test
    void theOpenApiDescriptionPublishesTheFieldLimits() {
        JsonNode schemas = get("/v3/api-docs").json().get("components").get("schemas");

        assertThat(maxLength(schemas, "ImportDocumentJson", "title")).isEqualTo(InputLimits.TITLE);
        assertThat(maxLength(schemas, "ImportDocumentJson", "publisher")).isEqualTo(InputLimits.PUBLISHER);
        assertThat(maxLength(schemas, "FixProposalJson", "replacement")).isEqualTo(InputLimits.REPLACEMENT);
        assertThat(maxLength(schemas, "FixProposalJson", "reason")).isEqualTo(InputLimits.REASON);
        assertThat(maxLength(schemas, "Target", "exact")).isEqualTo(InputLimits.QUOTE);
        assertThat(maxLength(schemas, "Review", "comment")).isEqualTo(InputLimits.COMMENT);
        assertThat(maxLength(schemas, "ReasonJson", "reason")).isEqualTo(InputLimits.REASON);
        assertThat(maxLength(schemas, "NewUserJson", "name")).isEqualTo(InputLimits.ACCOUNT_NAME);
    }

    @Test
    void theOpenApiDescriptionStatesTheAnnotationLimitsOnTheOperationsThatTakeOne() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");

        for (JsonNode operation : List.of(paths.path("/annotations").path("post"), paths.path("/annotations/{id}").path("put"))) {
            String description = operation.path("requestBody").path("description").asString("");
            assertThat(description).as(operation.path("operationId").asString("?"))
                    .contains(String.valueOf(InputLimits.ANNOTATION_BODIES), String.valueOf(InputLimits.TAG),
                            String.valueOf(InputLimits.QUOTE), String.valueOf(InputLimits.QUOTE_CONTEXT));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int maxLength(JsonNode schemas, String schema, String property) {
        JsonNode field = schemas.path(schema).path("properties").path(property);
        assertThat(field.isMissingNode()).as(schema + "." + property + " in " + schemas.propertyNames()).isFalse();
        return field.path("maxLength").asInt(-1);
    }

    private static void assertTooLarge(Response refused) {
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("limit").asLong()).isEqualTo(10L * MB);
        assertThat(refused.json().get("detail").asString()).contains(String.valueOf(10L * MB));
    }

    private static void assertFieldTooLong(Response refused, String field, int limit) {
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asString()).isEqualTo(field);
        assertThat(refused.json().get("limit").asInt()).isEqualTo(limit);
        assertThat(refused.json().get("detail").asString()).contains(field, String.valueOf(limit));
    }

    private static void assertInvalidText(Response refused, String field) {
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asString()).isEqualTo(field);
    }

    private String importDocument(String text) {
        Response created = postJson("/api/documents", Map.of("text", text + "\n\n" + UUID.randomUUID()), "editor");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String proposeFix(String documentId) {
        Response proposed = postJson("/api/documents/" + documentId + "/fixes", Map.of(
                "target", Map.of("exact", "bord"), "replacement", "board", "reason", "spelling"), "editor");
        assertThat(proposed.status()).as(proposed.raw().body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    /** A W3C annotation as JSON text, so a quote can hold a JSON escape; {@code bodyValue} is JSON (quoted). */
    private static String annotation(String documentId, String exactJson, String bodyValue) {
        return "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\","
                + " \"motivation\": \"commenting\", \"bodyValue\": " + bodyValue + ","
                + " \"target\": {\"source\": \"/api/documents/" + documentId + "\","
                + " \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"" + exactJson + "\"}}}";
    }

    private Response postAnnotation(String json) {
        return postRaw("/annotations/", "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
                utf8(json), "annotator");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long events() {
        return database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).countDocuments();
    }
}
