package org.palimpsest.annotations.annotation;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/** A moderator showed a hidden annotation to readers again. */
@Revision("1")
public record AnnotationUnhidden(
        String annotationId,
        long version,
        String actor,
        @Nullable String reason) implements AnnotationEvent {
}
