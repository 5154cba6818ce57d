package org.palimpsest.annotations.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.annotations.anchoring.TextQuoteSelector;

class AnnotationStateTest {

    private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-03T09:00:00Z");
    private static final DocumentTarget TARGET = new DocumentTarget("doc-1", 0, TextQuoteSelector.of("tide tables"), null);
    private static final AnnotationCreated CREATED = new AnnotationCreated("a1", 1, "mara", List.of(Motivation.COMMENTING),
            List.of(Body.text("first thought")), TARGET, null);

    @Test
    void everyVersionIsRebuiltFromTheFactsAlone() {
        AnnotationState v1 = AnnotationState.of(CREATED, T1);
        AnnotationState v2 = v1.then(new AnnotationRevised("a1", 2, "mara", false, List.of(Motivation.QUESTIONING),
                List.of(Body.text("second thought")), TARGET), T2);
        AnnotationState v3 = v2.then(new AnnotationDeleted("a1", 3, "mara", false, null), T3);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.modified()).isNull();
        assertThat(v1.bodies()).containsExactly(Body.text("first thought"));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.created()).isEqualTo(T1);
        assertThat(v2.modified()).isEqualTo(T2);
        assertThat(v2.motivations()).containsExactly(Motivation.QUESTIONING);
        assertThat(v3.deleted()).isTrue();
        assertThat(v3.bodies()).as("a tombstone keeps what it buried").containsExactly(Body.text("second thought"));
        assertThat(v3.then(new AnnotationRestored("a1", 4, "mara", false, null), T3).deleted()).isFalse();
    }

    @Test
    void hidingIsIndependentOfDeletion() {
        AnnotationState hidden = AnnotationState.of(CREATED, T1).then(new AnnotationHidden("a1", 2, "ines", "spam"), T2);
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.deleted()).isFalse();
        assertThat(hidden.then(new AnnotationUnhidden("a1", 3, "ines", null), T3).hidden()).isFalse();
    }

    @Test
    void refusesAHistoryWithAGapOrAnotherAnnotationsFacts() {
        AnnotationState v1 = AnnotationState.of(CREATED, T1);
        assertThatThrownBy(() -> v1.then(new AnnotationDeleted("a1", 3, "mara", false, null), T2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> v1.then(new AnnotationDeleted("a2", 2, "mara", false, null), T2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void motivationsAreReadByTheirW3cNamesOnly() {
        assertThat(Motivation.parse("commenting", "motivation")).isEqualTo(Motivation.COMMENTING);
        assertThat(Motivation.parse("oa:tagging", "motivation")).isEqualTo(Motivation.TAGGING);
        assertThat(Motivation.parse("http://www.w3.org/ns/oa#moderating", "motivation")).isEqualTo(Motivation.MODERATING);
        assertThat(Motivation.parse("palimpsest:correcting", "motivation")).isEqualTo(Motivation.CORRECTING);
        assertThat(Motivation.parse("correcting", "motivation")).isEqualTo(Motivation.CORRECTING);
        assertThatThrownBy(() -> Motivation.parse("COMMENTING", "motivation[2]"))
                .isInstanceOfSatisfying(InvalidAnnotationException.class, e -> assertThat(e.field()).isEqualTo("motivation[2]"));
        assertThatThrownBy(() -> Motivation.parse("complaining", "motivation"))
                .isInstanceOf(InvalidAnnotationException.class)
                .hasMessageContaining("complaining");
    }
}
