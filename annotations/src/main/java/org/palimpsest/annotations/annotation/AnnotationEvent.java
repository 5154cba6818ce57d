package org.palimpsest.annotations.annotation;

/**
 * A fact about an annotation. Each carries the version it brings the annotation to (the number of facts so far, 1
 * for creation) and who caused it; the event's timestamp and correlation id travel as Axon metadata.
 */
public sealed interface AnnotationEvent
        permits AnnotationCreated, AnnotationRevised, AnnotationDeleted, AnnotationRestored, AnnotationHidden,
        AnnotationUnhidden {

    String annotationId();

    long version();

    String actor();
}
