package org.palimpsest.annotations.annotation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Delete an annotation: it becomes a tombstone, keeps its history, and can be restored. */
public record DeleteAnnotation(
        @TargetAggregateIdentifier String annotationId,
        long expectedVersion,
        String actor,
        boolean actorIsModerator,
        @Nullable String reason) {
}
