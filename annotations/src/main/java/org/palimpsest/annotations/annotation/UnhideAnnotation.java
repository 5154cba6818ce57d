package org.palimpsest.annotations.annotation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Moderation: show a hidden annotation to readers again. Like hiding, for editors only (checked by the API). */
public record UnhideAnnotation(
        @TargetAggregateIdentifier String annotationId,
        long expectedVersion,
        String moderator,
        @Nullable String reason) {
}
