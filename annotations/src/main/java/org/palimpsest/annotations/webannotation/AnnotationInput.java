package org.palimpsest.annotations.webannotation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.Body;
import org.palimpsest.annotations.annotation.CreateAnnotation;
import org.palimpsest.annotations.annotation.Generator;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.annotation.ReviseAnnotation;
import org.palimpsest.annotations.annotation.Target;

/**
 * The content of an incoming W3C annotation, parsed and with its selectors checked against the document: what a
 * create or a revise command needs besides who sends it.
 */
public record AnnotationInput(List<Motivation> motivations, List<Body> bodies, Target target,
                              @Nullable Generator generator) {

    public AnnotationInput {
        motivations = List.copyOf(motivations);
        bodies = List.copyOf(bodies);
    }

    public CreateAnnotation create(String annotationId, String creator) {
        return new CreateAnnotation(annotationId, creator, motivations, bodies, target, generator);
    }

    /** A revision keeps the original generator: it says what made the annotation, not what edited it. */
    public ReviseAnnotation revise(String annotationId, long expectedVersion, String actor, boolean actorIsModerator) {
        return new ReviseAnnotation(annotationId, expectedVersion, actor, actorIsModerator, motivations, bodies, target);
    }
}
