package org.palimpsest.annotations.annotation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Bring a deleted annotation back as it was before deletion. */
public record RestoreAnnotation(
        @TargetAggregateIdentifier String annotationId,
        long expectedVersion,
        String actor,
        boolean actorIsModerator,
        @Nullable String reason) {
}
