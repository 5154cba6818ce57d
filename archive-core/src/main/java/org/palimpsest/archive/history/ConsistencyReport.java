package org.palimpsest.archive.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of comparing the versioned projections' as-of answers with a fresh replay.
 *
 * @param position the last event the replay applied
 */
public record ConsistencyReport(boolean consistent, long position, int documents, List<Difference> differences) {

    /** One field of one document that the two answers disagree on. */
    public record Difference(String documentId, String field, @Nullable String live, @Nullable String replayed) {
    }
}
