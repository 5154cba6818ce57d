package org.palimpsest.annotations.annotation;

import org.axonframework.serialization.Revision;

/** A moderator hid an annotation from readers, saying why. */
@Revision("1")
public record AnnotationHidden(
        String annotationId,
        long version,
        String actor,
        String reason) implements AnnotationEvent {
}
