package org.palimpsest.annotations.annotation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace an annotation's motivations, bodies and target (HTTP PUT). {@code actorIsModerator} comes from the API, which
 * knows roles; the aggregate decides whether that, or being the creator, allows the change.
 */
public record ReviseAnnotation(
        @TargetAggregateIdentifier String annotationId,
        long expectedVersion,
        String actor,
        boolean actorIsModerator,
        List<Motivation> motivations,
        List<Body> bodies,
        Target target) {
}
