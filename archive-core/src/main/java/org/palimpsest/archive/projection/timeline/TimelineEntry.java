package org.palimpsest.archive.projection.timeline;

import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.extraction.dating.DatedStatement;
import org.palimpsest.archive.extraction.dating.FuzzyDate;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * One dated statement of one document, stored under {@code <documentId>#<n>}.
 *
 * @param iso      the date at the precision written ({@code 2017-autumn}, {@code 2018-02-early})
 * @param earliest first day the date can mean; null when a relative date could not be placed
 * @param latest   last day the date can mean
 * @param names    ids of the people and organizations the statement names (from the alias catalog)
 * @param span     the statement in the document's current text (code points), {@code dateSpan} its date
 */
public record TimelineEntry(
        @BsonId String key,
        String documentId,
        String documentTitle,
        String language,
        long revision,
        Span span,
        Span dateSpan,
        String segmentId,
        String text,
        String iso,
        String precision,
        @Nullable String qualifier,
        @Nullable LocalDate earliest,
        @Nullable LocalDate latest,
        boolean relative,
        boolean resolved,
        List<String> names,
        ProjectionPosition asOf) {

    static TimelineEntry of(String documentId, String title, long revision, int index, DatedStatement statement,
                            List<String> names, ProjectionPosition asOf) {
        FuzzyDate date = statement.date();
        boolean placed = date.placed();
        return new TimelineEntry(documentId + "#" + index, documentId, title, statement.language(), revision,
                statement.span(), statement.dateSpan(), statement.segmentId(), statement.text(), date.iso(),
                date.precision().name().toLowerCase(java.util.Locale.ROOT),
                date.qualifier() == null ? null : date.qualifier().name().toLowerCase(java.util.Locale.ROOT),
                placed ? date.earliest() : null, placed ? date.latest() : null, statement.relative(),
                statement.resolved(), names, asOf);
    }

    boolean placed() {
        return earliest != null && latest != null;
    }

    /** Days the date covers: 1 for a day, ~30 for a month, ~365 for a year. */
    long width() {
        return placed() ? latest.toEpochDay() - earliest.toEpochDay() + 1 : Long.MAX_VALUE;
    }
}
