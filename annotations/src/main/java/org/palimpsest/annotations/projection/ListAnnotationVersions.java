package org.palimpsest.annotations.projection;

/** Every version of an annotation, oldest first; empty when there is no such annotation. */
public record ListAnnotationVersions(String annotationId) {
}
