package org.palimpsest.annotations.projection;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.fix.TextChange;

/**
 * How one revision of a document came about, in {@code annotation_text_changes} under {@code <documentId>@<revision>}:
 * the exact edit of an accepted or reverted fix, or no edit for the imported text and for a re-import (a reset: no
 * offset mapping crosses it). Anchoring reads the records between two revisions with one {@code $in} on their keys.
 *
 * @param cause {@code imported}, {@code reimported}, {@code fix-accepted} or {@code fix-reverted}
 */
public record TextChangeRecord(
        @BsonId String key,
        String documentId,
        long revision,
        String cause,
        @Nullable TextChange change,
        Instant time) {

    static String key(String documentId, long revision) {
        return documentId + "@" + revision;
    }
}
