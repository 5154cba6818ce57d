package org.palimpsest.annotations.webannotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.palimpsest.annotations.webannotation.Fixtures.PARSER;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.InvalidAnnotationException;
import org.palimpsest.annotations.annotation.Motivation;

class WebAnnotationParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON text in, a Map out, as the API's JSON library would hand it over; single quotes for readability. */
    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text.replace('\'', '"'), new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final String DOCUMENT = "'https://archive.example/api/documents/doc-7'";
    private static final String QUOTE = "{'type': 'TextQuoteSelector', 'exact': 'ran aground'}";

    private static String annotation(String body, String target) {
        return "{'@context': 'http://www.w3.org/ns/anno.jsonld', 'type': 'Annotation', 'motivation': 'commenting', "
                + body + ", 'target': " + target + "}";
    }

    private static void assertRefused(String json, String field) {
        assertThatThrownBy(() -> PARSER.parse(json(json)))
                .isInstanceOfSatisfying(InvalidAnnotationException.class, e -> assertThat(e.field())
                        .as("%s", e.getMessage()).isEqualTo(field));
    }

    @Test
    void readsATypicalW3cAnnotation() {
        AnnotationInput input = PARSER.parse(json("""
                {
                  '@context': 'http://www.w3.org/ns/anno.jsonld',
                  'id': 'urn:client:local-17',
                  'type': 'Annotation',
                  'motivation': ['commenting', 'oa:tagging'],
                  'creator': 'someone the server ignores',
                  'body': [
                    {'type': 'TextualBody', 'value': 'Which spring?', 'format': 'text/plain', 'language': 'en'},
                    {'type': 'TextualBody', 'value': 'ferries', 'purpose': 'tagging'}
                  ],
                  'target': {
                    'source': 'https://archive.example/api/documents/doc-7',
                    'palimpsest:revision': 0,
                    'selector': [
                      {'type': 'RangeSelector', 'startSelector': {'type': 'XPathSelector', 'value': '/p[1]'},
                       'endSelector': {'type': 'XPathSelector', 'value': '/p[1]'}},
                      {'type': 'TextQuoteSelector', 'exact': 'ran aground', 'prefix': 'to Lannis ', 'suffix': '.',
                       'refinedBy': {'type': 'TextPositionSelector', 'start': 0, 'end': 3}},
                      {'type': 'TextPositionSelector', 'start': 33, 'end': 44}
                    ]
                  },
                  'generator': 'https://tools.example/reader'
                }"""));
        assertThat(input).isEqualTo(new AnnotationInput(List.of(Motivation.COMMENTING, Motivation.TAGGING),
                List.of(new Body("Which spring?", "text/plain", "en", null), Body.tag("ferries")),
                new DocumentTarget("doc-7", 0, new TextQuoteSelector("ran aground", "to Lannis ", "."),
                        new TextPositionSelector(33, 44)),
                new Generator("https://tools.example/reader", null, null)));
    }

    @Test
    void aTargetWithoutRevisionRefersToTheCurrentTextAndGetsContextAndPosition() {
        AnnotationInput input = PARSER.parse(json(annotation("'bodyValue': 'Which spring?'",
                "{'source': " + DOCUMENT + ", 'selector': " + QUOTE + "}")));
        assertThat(input.bodies()).containsExactly(Body.text("Which spring?"));
        assertThat(input.target()).isEqualTo(new DocumentTarget("doc-7", 2,
                new TextQuoteSelector("ran aground", "very spring the ferry to Lannis ",
                        ". The harbour master wrote it do"), new TextPositionSelector(39, 50)));
    }

    @Test
    void readsTheRevisionFromTheTimeStateToo() {
        AnnotationInput input = PARSER.parse(json(annotation("'bodyValue': 'x'", "{'source': " + DOCUMENT
                + ", 'state': {'type': 'TimeState', 'sourceDate': '2025-01-01T00:00:00Z', 'palimpsest:revision': 1},"
                + " 'selector': {'type': 'TextQuoteSelector', 'exact': 'green'}}")));
        assertThat(((DocumentTarget) input.target()).revision()).isEqualTo(1);
    }

    @Test
    void acceptsASingleBodyObjectAndATargetArrayOfOne() {
        AnnotationInput input = PARSER.parse(json(annotation("'body': {'value': 'untyped but textual'}",
                "[{'source': " + DOCUMENT + ", 'selector': " + QUOTE + "}]")));
        assertThat(input.bodies()).containsExactly(new Body("untyped but textual", null, null, null));
    }

    @Test
    void readsRepliesInEveryFormW3cAllows() {
        for (String target : List.of("'https://archive.example/annotations/a1'", "'/annotations/a1'",
                "{'id': 'https://archive.example/annotations/a1'}", "{'source': 'https://archive.example/annotations/a1'}")) {
            AnnotationInput input = PARSER.parse(json("{'motivation': 'replying', 'bodyValue': 'Agreed.', 'target': "
                    + target + "}"));
            assertThat(input.target()).as(target).isEqualTo(new AnnotationReplyTarget("a1"));
            assertThat(input.motivations()).containsExactly(Motivation.REPLYING);
        }
    }

    @Test
    void acceptsNumbersAsAnyJsonLibraryDeliversThem() {
        // Gson reads every number as a double; some mappers use BigDecimal.
        Map<String, Object> json = json(annotation("'bodyValue': 'x'", "{'source': " + DOCUMENT + ", 'selector': ["
                + QUOTE + ", {'type': 'TextPositionSelector', 'start': 0, 'end': 0}], 'palimpsest:revision': 0}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) json.get("target");
        @SuppressWarnings("unchecked")
        Map<String, Object> position = ((List<Map<String, Object>>) target.get("selector")).get(1);
        position.put("start", 33.0);
        position.put("end", new BigDecimal("44"));
        target.put("palimpsest:revision", 0.0);
        assertThat(((DocumentTarget) PARSER.parse(json).target()).position()).isEqualTo(new TextPositionSelector(33, 44));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "{'type': 'Image', 'bodyValue': 'x', 'target': '/annotations/a1'}                           | type",
            "{'motivation': 'complaining', 'bodyValue': 'x', 'target': '/annotations/a1'}               | motivation",
            "{'motivation': ['commenting', 'shouting'], 'bodyValue': 'x', 'target': '/annotations/a1'}  | motivation[1]",
            "{'motivation': 7, 'bodyValue': 'x', 'target': '/annotations/a1'}                           | motivation",
            "{'body': 'https://elsewhere.example/note', 'target': '/annotations/a1'}                    | body",
            "{'body': [{'value': 'ok'}, 'https://elsewhere.example/note'], 'target': '/annotations/a1'} | body[1]",
            "{'body': [{'value': 'ok'}, {'type': 'TextualBody'}], 'target': '/annotations/a1'}          | body[1].value",
            "{'body': {'value': 42}, 'target': '/annotations/a1'}                                      | body.value",
            "{'body': {'type': 'SpecificResource', 'source': 'x'}, 'target': '/annotations/a1'}         | body.type",
            "{'body': {'value': 'x', 'language': ['en', 'fr']}, 'target': '/annotations/a1'}            | body.language",
            "{'body': {'value': 'x'}, 'bodyValue': 'y', 'target': '/annotations/a1'}                    | bodyValue",
            "{'bodyValue': ['x'], 'target': '/annotations/a1'}                                          | bodyValue",
            "{'bodyValue': 'x'}                                                                          | target",
            "{'bodyValue': 'x', 'target': ['/annotations/a1', '/annotations/a2']}                       | target",
            "{'bodyValue': 'x', 'target': 'https://elsewhere.example/page'}                              | target",
            "{'bodyValue': 'x', 'target': {'id': 'https://elsewhere.example/page'}}                      | target.id",
            "{'bodyValue': 'x', 'target': 'https://archive.example/api/documents/doc-7'}                 | target.selector",
            "{'bodyValue': 'x', 'target': {'source': 'https://elsewhere.example/doc'}}                   | target.source",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/nope', 'selector': {'type': 'TextQuoteSelector', 'exact': 'x'}}} | target.source",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7'}}                            | target.selector",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': {'type': 'FragmentSelector', 'value': 'p1'}}} | target.selector",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': ['#frag']}}     | target.selector[0]",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': {'type': 'TextQuoteSelector'}}} | target.selector.exact",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': {'type': 'TextQuoteSelector', 'exact': 'not there'}}} | target.selector",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': {'type': 'TextQuoteSelector', 'exact': 'e'}}} | target.selector",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': [{'type': 'TextQuoteSelector', 'exact': 'green'}, {'type': 'TextPositionSelector', 'start': -1, 'end': 3}]}} | target.selector[1].start",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': [{'type': 'TextQuoteSelector', 'exact': 'green'}, {'type': 'TextPositionSelector', 'start': 9, 'end': 3}]}} | target.selector[1].end",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': [{'type': 'TextQuoteSelector', 'exact': 'green'}, {'type': 'TextPositionSelector', 'start': 1.5, 'end': 3}]}} | target.selector[1].start",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'selector': [{'type': 'TextQuoteSelector', 'exact': 'green'}, {'type': 'TextQuoteSelector', 'exact': 'ink'}]}} | target.selector[1]",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'palimpsest:revision': 'two', 'selector': {'type': 'TextQuoteSelector', 'exact': 'green'}}} | target.palimpsest:revision",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'palimpsest:revision': 9, 'selector': {'type': 'TextQuoteSelector', 'exact': 'green'}}} | target.palimpsest:revision",
            "{'bodyValue': 'x', 'target': {'source': '/api/documents/doc-7', 'palimpsest:revision': 0, 'selector': {'type': 'TextQuoteSelector', 'exact': 'green'}}} | target.selector",
            "{'bodyValue': 'x', 'target': {'source': '/annotations/a1', 'selector': {'type': 'TextQuoteSelector', 'exact': 'x'}}} | target.selector",
            "{'bodyValue': 'x', 'target': '/annotations/a1', 'generator': {'homepage': 'https://tools.example'}} | generator",
    })
    void refusesWhatItCannotStoreNamingTheField(String json, String field) {
        assertRefused(json, field.strip());
    }
}
