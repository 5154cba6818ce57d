package org.palimpsest.annotations.projection;

import java.util.List;
import org.palimpsest.annotations.anchoring.Anchoring;

/** A live annotation on a document, where it lies in the current text, and its thread of live replies. */
public record AnchoredAnnotation(AnnotationView annotation, Anchoring anchoring, List<AnnotationThread> replies) {

    public AnchoredAnnotation {
        replies = List.copyOf(replies);
    }
}
