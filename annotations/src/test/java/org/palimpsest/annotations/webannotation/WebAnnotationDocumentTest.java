package org.palimpsest.annotations.webannotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.Motivation;

class WebAnnotationDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant REVISION_2_AT = Instant.parse("2025-02-20T08:00:00Z");
    private static final WebAnnotationDocument W3C = new WebAnnotationDocument(Fixtures.BASE,
            (documentId, revision) -> documentId.equals("doc-7") && revision == 2 ? REVISION_2_AT : null);

    static final AnnotationState COMMENT = new AnnotationState("a1", 3, "mara", Instant.parse("2025-03-01T09:00:00Z"),
            Instant.parse("2025-03-02T10:30:00.250Z"), List.of(Motivation.COMMENTING, Motivation.TAGGING),
            List.of(new Body("The ferry is called the *Gull* in the minutes.", "text/markdown", "en", null), Body.tag("ferries")),
            new DocumentTarget("doc-7", 2, new TextQuoteSelector("ran aground", "the ferry to Lannis ", " on the same"),
                    new TextPositionSelector(93, 104)),
            new Generator("https://tools.example/reader", "Reader", null), false, true);

    static final AnnotationState REPLY = new AnnotationState("a2", 1, "tomas", Instant.parse("2025-03-04T12:00:00Z"), null,
            List.of(Motivation.REPLYING), List.of(Body.text("The minutes of 1911 agree.")), new AnnotationReplyTarget("a1"),
            null, false, false);

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = WebAnnotationDocumentTest.class.getResourceAsStream("/golden/webannotation/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Through JSON text, as the API will send it, so numbers and nesting compare as any client sees them. */
    private static JsonNode written(Map<String, Object> json) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(json));
    }

    @Test
    void anAnnotationOnADocumentHasTheW3cShape() throws IOException {
        Map<String, Object> json = W3C.annotation(COMMENT);
        assertThat(written(json)).isEqualTo(golden("comment.jsonld"));
        assertThat(json.keySet()).first().isEqualTo("@context");
    }

    @Test
    void aReplyTargetsTheOtherAnnotationsIri() throws IOException {
        assertThat(written(W3C.annotation(REPLY))).isEqualTo(golden("reply.jsonld"));
    }

    @Test
    void withoutAKnownRevisionTimeTheTargetCarriesTheRevisionAlone() {
        Map<String, Object> json = new WebAnnotationDocument(Fixtures.BASE, RevisionTimes.unknown()).annotation(COMMENT);
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) json.get("target");
        assertThat(target).doesNotContainKey("state").containsEntry(WebAnnotationDocument.REVISION, 2L);
    }

    @Test
    void aPageEmbedsItsItemsUnderOneContext() throws IOException {
        Map<String, Object> page = W3C.page("https://archive.example/annotations/?page=1", List.of(REPLY), 20, 21,
                null, "https://archive.example/annotations/?page=0");
        assertThat(written(page)).isEqualTo(golden("page.jsonld"));
    }

    @Test
    void idsBecomeSinglePathSegmentsAndBack() {
        WebAnnotationIris iris = new WebAnnotationIris("https://archive.example");
        String iri = iris.annotation("notes/2025 ü+1");
        assertThat(iri).isEqualTo("https://archive.example/annotations/notes%2F2025%20%C3%BC%2B1");
        assertThat(iris.annotationId(iri)).contains("notes/2025 ü+1");
        assertThat(iris.documentId("/api/documents/doc-7")).contains("doc-7");
        assertThat(iris.documentId("https://elsewhere.example/api/documents/doc-7")).isEmpty();
        assertThat(iris.annotationId("https://archive.example/annotations/")).isEmpty();
    }
}
