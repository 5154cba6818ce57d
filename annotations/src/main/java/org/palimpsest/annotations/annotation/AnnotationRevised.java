package org.palimpsest.annotations.annotation;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An annotation was revised. It carries the whole new content, not a delta, so every version can be shown from the
 * events alone. {@code byModerator} records that the actor is not the creator and used a moderator's right.
 */
@Revision("1")
public record AnnotationRevised(
        String annotationId,
        long version,
        String actor,
        boolean byModerator,
        List<Motivation> motivations,
        List<Body> bodies,
        Target target) implements AnnotationEvent {

    public AnnotationRevised {
        motivations = List.copyOf(motivations);
        bodies = List.copyOf(bodies);
    }
}
