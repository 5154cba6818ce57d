package org.palimpsest.archive.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of comparing the versioned projections' as-of answers with a fresh replay.
 *
 * @param position  the last event the replay applied
 * @param documents how many records were compared, over every projection checked
 * @param parked    events up to the point checked that a live projection has parked (ADR 8): the views of their
 *                  sequences are behind, which explains differences on those documents; any of them makes the
 *                  report inconsistent, because the views do not yet show the whole log
 */
public record ConsistencyReport(boolean consistent, long position, int documents, List<Difference> differences,
                                List<ParkedEvent> parked) {

    public ConsistencyReport {
        differences = List.copyOf(differences);
        parked = List.copyOf(parked);
    }

    /** A comparison's outcome before parked events are looked at. */
    public static ConsistencyReport of(long position, int documents, List<Difference> differences) {
        return new ConsistencyReport(differences.isEmpty(), position, documents, differences, List.of());
    }

    /** This report with {@code parked} added: consistent only when nothing differs and nothing is parked. */
    public ConsistencyReport withParked(List<ParkedEvent> parked) {
        return new ConsistencyReport(differences.isEmpty() && parked.isEmpty(), position, documents, differences, parked);
    }

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
