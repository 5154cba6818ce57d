package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A document's reading view as it stood at a stream position or at a time (one of the two). */
public record FindReadingViewAsOf(String documentId, @Nullable Long position, @Nullable Instant time) {

    public FindReadingViewAsOf {
        if ((position == null) == (time == null)) {
            throw new IllegalArgumentException("give either a position or a time");
        }
    }
}
