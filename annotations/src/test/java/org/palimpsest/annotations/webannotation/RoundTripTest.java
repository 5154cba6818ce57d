package org.palimpsest.annotations.webannotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palimpsest.annotations.webannotation.Fixtures.PARSER;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.annotations.annotation.AnnotationCreated;
import org.palimpsest.annotations.annotation.AnnotationState;

/** What a client sends, once stored and rendered, reads back as the same annotation: parse → state → JSON-LD → parse. */
class RoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebAnnotationDocument W3C = new WebAnnotationDocument(Fixtures.BASE,
            (documentId, revision) -> Instant.parse("2025-01-0" + (revision + 1) + "T00:00:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {
            "{'motivation': 'highlighting', 'target': {'source': '/api/documents/doc-7', 'selector': {'type': 'TextQuoteSelector', 'exact': 'violet ink'}, 'palimpsest:revision': 0}}",
            "{'motivation': ['commenting', 'palimpsest:correcting'], 'body': [{'type': 'TextualBody', 'value': 'Green since the fix.', 'language': 'en'}, {'value': 'colours', 'purpose': 'tagging'}], 'target': {'source': '/api/documents/doc-7', 'selector': [{'type': 'TextQuoteSelector', 'exact': 'green', 'prefix': 'in '}, {'type': 'TextPositionSelector', 'start': 88, 'end': 93}]}, 'generator': {'name': 'Reader', 'homepage': 'https://tools.example'}}",
            "{'motivation': 'replying', 'bodyValue': '𠮷 — agreed 🎣', 'target': 'https://archive.example/annotations/a0'}",
    })
    void whatIsStoredReadsBackAsWhatWasSent(String sent) throws Exception {
        AnnotationInput input = PARSER.parse(read(sent.replace('\'', '"')));
        AnnotationCreated created = new AnnotationCreated("a9", 1, "mara", input.motivations(), input.bodies(),
                input.target(), input.generator());
        Map<String, Object> rendered = W3C.annotation(AnnotationState.of(created, Instant.parse("2025-03-01T09:00:00Z")));

        assertThat(PARSER.parse(rendered)).isEqualTo(input);
        assertThat(PARSER.parse(read(JSON.writeValueAsString(rendered)))).as("through JSON text").isEqualTo(input);
    }

    private static Map<String, Object> read(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() { });
    }
}
