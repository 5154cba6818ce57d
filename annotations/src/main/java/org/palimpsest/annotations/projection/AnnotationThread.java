package org.palimpsest.annotations.projection;

import java.util.List;

/** A reply and the replies to it, oldest first. */
public record AnnotationThread(AnnotationView annotation, List<AnnotationThread> replies) {

    public AnnotationThread {
        replies = List.copyOf(replies);
    }
}
