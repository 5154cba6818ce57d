package org.palimpsest.annotations.projection;

/** Version {@code version} of an annotation (1 is its creation). */
public record FindAnnotationVersion(String annotationId, long version) {
}
