package org.palimpsest.annotations.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palimpsest.annotations.anchoring.TextPositionSelector;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;
import org.palimpsest.archive.serialization.ArchiveJson;
import org.palimpsest.archive.serialization.StoredEventTypes;

/**
 * Events are storage schema: each revision of each event has a golden JSON, written with the mapper Axon stores
 * with, that must keep reading back to the same event. A failure here means an upcaster is needed. The event
 * classes are discovered ({@link StoredEventTypes}), so a new event fails here until it has a sample and a golden file.
 */
class AnnotationEventJsonTest {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();
    private static final DocumentTarget TARGET = new DocumentTarget("doc-1", 3,
            new TextQuoteSelector("𠮷野 ledger", "the keeper's ", " in the tower"), new TextPositionSelector(40, 49));

    /** One instance of each event, with values that exercise its JSON (non-BMP text, nulls, both kinds of target). */
    private static final Map<Class<?>, AnnotationEvent> SAMPLES = Stream.<AnnotationEvent>of(
                    new AnnotationCreated("a1", 1, "mara", List.of(Motivation.COMMENTING, Motivation.CORRECTING),
                            List.of(new Body("Spelt differently in the original.", "text/plain", "en", null), Body.tag("names")),
                            TARGET, new Generator("https://tools.example/reader", "Reader", "https://tools.example")),
                    new AnnotationRevised("a2", 2, "ines", true, List.of(Motivation.REPLYING),
                            List.of(Body.text("See the reply above.")), new AnnotationReplyTarget("a1")),
                    new AnnotationDeleted("a1", 3, "mara", false, "posted twice"),
                    new AnnotationRestored("a1", 4, "ines", true, null),
                    new AnnotationHidden("a1", 5, "ines", "off topic"),
                    new AnnotationUnhidden("a1", 6, "ines", null))
            .collect(Collectors.toMap(Object::getClass, Function.identity()));

    /** Discovered once: importing the compiled classes takes seconds. */
    private static final List<Class<?>> EVENT_CLASSES = StoredEventTypes.declaredIn("org.palimpsest.annotations");

    static List<Class<?>> eventClasses() {
        return EVENT_CLASSES;
    }

    @Test
    void discoversTheStoredEventsAndOnlyThem() {
        // Guards the discovery itself: were it to find nothing, the parameterized test below would prove nothing.
        assertThat(eventClasses()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet())
                .containsAll(List.of(AnnotationEvent.class.getPermittedSubclasses()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void eachEventRevisionKeepsItsGoldenJson(Class<?> eventClass) throws IOException {
        Revision revision = eventClass.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s: events are storage schema", eventClass.getName()).isNotNull();
        AnnotationEvent event = SAMPLES.get(eventClass);
        assertThat(event).as("a sample %s in AnnotationEventJsonTest.SAMPLES", eventClass.getSimpleName()).isNotNull();
        String name = eventClass.getSimpleName() + "-" + revision.value() + ".json";
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/events/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            golden = JSON.readTree(in);
        }
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden);
        assertThat(JSON.treeToValue(golden, eventClass)).isEqualTo(event);
    }
}
