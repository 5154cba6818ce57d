package org.palimpsest.archive.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of comparing the versioned projections' as-of answers with a fresh replay.
 *
 * @param position  the last event the replay applied
 * @param documents how many records were compared, over every projection checked
 */
public record ConsistencyReport(boolean consistent, long position, int documents, List<Difference> differences) {

    /**
     * One field of one record that the two answers disagree on.
     *
     * @param projection the projection that disagrees, by its processing group ({@code reading-views}, {@code timeline}, …)
     * @param documentId the document (or {@code annotation <id>}) the record belongs to
     * @param field      the field, prefixed by the record within the document where a document has several
     */
    public record Difference(String projection, String documentId, String field, @Nullable String live,
                             @Nullable String replayed) {
    }
}
