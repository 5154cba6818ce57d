package org.palimpsest.annotations.annotation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** An annotation was made, by {@code actor}, who is its creator. Always version 1. */
@Revision("1")
public record AnnotationCreated(
        String annotationId,
        long version,
        String actor,
        List<Motivation> motivations,
        List<Body> bodies,
        Target target,
        @Nullable Generator generator) implements AnnotationEvent {

    public AnnotationCreated {
        motivations = List.copyOf(motivations);
        bodies = List.copyOf(bodies);
    }
}
