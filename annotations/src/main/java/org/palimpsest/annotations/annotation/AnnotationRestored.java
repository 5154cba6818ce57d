package org.palimpsest.annotations.annotation;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A deleted annotation was brought back with the content it had when deleted. */
@Revision("1")
public record AnnotationRestored(
        String annotationId,
        long version,
        String actor,
        boolean byModerator,
        @Nullable String reason) implements AnnotationEvent {
}
