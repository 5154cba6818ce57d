package org.palimpsest.annotations.projection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The version of an annotation that was current at a stream position or a time (one of the two). */
public record FindAnnotationVersionAsOf(String annotationId, @Nullable Long position, @Nullable Instant time) {

    public FindAnnotationVersionAsOf {
        if ((position == null) == (time == null)) {
            throw new IllegalArgumentException("give either a position or a time");
        }
    }
}
