package org.palimpsest.archive.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One fact in a document's or annotation's history: what happened, who did it, when and why.
 *
 * @param sequence  its place in the aggregate's own stream, from 0
 * @param type      the event's name, e.g. {@code TranslationFixAccepted}
 * @param reason    the reason or review comment given, when there was one
 * @param revision  the text revision the fact produced, when it changed the text
 * @param subjectId the fix or annotation it concerns, when not the aggregate itself
 */
public record HistoryEntry(
        long sequence,
        Instant time,
        String type,
        String actor,
        @Nullable String correlationId,
        @Nullable String reason,
        @Nullable Long revision,
        @Nullable String subjectId,
        String summary) {
}
