package org.palimpsest.annotations.annotation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moderation: hide an annotation from readers, with the reason. Whether the sender may moderate depends only on
 * their role, so the API checks it (editors); the aggregate records who did it and why.
 */
public record HideAnnotation(
        @TargetAggregateIdentifier String annotationId,
        long expectedVersion,
        String moderator,
        String reason) {
}
