package org.palimpsest.annotations.annotation;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** An annotation was deleted: a tombstone, its content kept in the earlier facts. */
@Revision("1")
public record AnnotationDeleted(
        String annotationId,
        long version,
        String actor,
        boolean byModerator,
        @Nullable String reason) implements AnnotationEvent {
}
