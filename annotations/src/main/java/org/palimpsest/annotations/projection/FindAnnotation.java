package org.palimpsest.annotations.projection;

/** One annotation as it is now, deleted and hidden ones included (the caller decides who may see them). */
public record FindAnnotation(String annotationId) {
}
