package org.palimpsest.archive.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How far a replay goes: up to and including a stream position, or every event recorded at or before a time. */
public record ReplayBound(@Nullable Long position, @Nullable Instant time) {

    public ReplayBound {
        if ((position == null) == (time == null)) {
            throw new IllegalArgumentException("give either a position or a time");
        }
    }

    public static ReplayBound atPosition(long position) {
        return new ReplayBound(position, null);
    }

    public static ReplayBound asOf(Instant time) {
        return new ReplayBound(null, time);
    }
}
