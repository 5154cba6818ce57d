package org.palimpsest.annotations.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * Events are storage schema: each revision of each event has a golden JSON, written with the mapper Axon stores
 * with, that must keep reading back to the same event. A failure here means an upcaster is needed.
 */
class AnnotationEventJsonTest {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();

    static Stream<AnnotationEvent> events() {
        DocumentTarget target = new DocumentTarget("doc-1", 3,
                new TextQuoteSelector("𠮷野 ledger", "the keeper's ", " in the tower"), new TextPositionSelector(40, 49));
        return Stream.of(
                new AnnotationCreated("a1", 1, "mara", List.of(Motivation.COMMENTING, Motivation.CORRECTING),
                        List.of(new Body("Spelt differently in the original.", "text/plain", "en", null), Body.tag("names")),
                        target, new Generator("https://tools.example/reader", "Reader", "https://tools.example")),
                new AnnotationRevised("a2", 2, "ines", true, List.of(Motivation.REPLYING),
                        List.of(Body.text("See the reply above.")), new AnnotationReplyTarget("a1")),
                new AnnotationDeleted("a1", 3, "mara", false, "posted twice"),
                new AnnotationRestored("a1", 4, "ines", true, null),
                new AnnotationHidden("a1", 5, "ines", "off topic"),
                new AnnotationUnhidden("a1", 6, "ines", null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventRevisionKeepsItsGoldenJson(AnnotationEvent event) throws IOException {
        String name = event.getClass().getSimpleName() + "-" + event.getClass().getAnnotation(Revision.class).value() + ".json";
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/events/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            golden = JSON.readTree(in);
        }
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden);
        assertThat(JSON.treeToValue(golden, event.getClass())).isEqualTo(event);
    }
}
