package org.palimpsest.annotations.annotation;

import java.util.Objects;

/** A reply: the annotation is about another annotation. */
public record AnnotationReplyTarget(String annotationId) implements Target {

    public AnnotationReplyTarget {
        Objects.requireNonNull(annotationId, "annotationId");
    }
}
