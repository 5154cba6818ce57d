package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.analysis.AnalysisCache;
import org.palimpsest.archive.projection.analysis.TextAnalyses;

/**
 * A document as a reader sees it now: the text with accepted fixes applied, every fix with its state, and
 * the text's segments (chrome marked) and redactions, analysed afresh from the text whenever it changes.
 *
 * @param revision    counts text changes, 0 for the text as first imported
 * @param contentHash hash of the content last imported (fixes do not change it)
 * @param asOf        the event this view reflects
 */
public record ReadingView(
        @BsonId String id,
        String title,
        String language,
        DocumentSource source,
        @Nullable String publishedAt,
        String text,
        long revision,
        String contentHash,
        Instant importedAt,
        String importedBy,
        Instant updatedAt,
        ProjectionPosition asOf,
        List<FixView> fixes,
        List<Segment> segments,
        List<Redaction> redactions) {

    public ReadingViewSummary summary() {
        return new ReadingViewSummary(id, title, language, source, publishedAt, revision,
                text.codePointCount(0, text.length()), importedAt, updatedAt);
    }

    /**
     * A view whose segments and redactions are analysed from {@code text} itself, within {@code budget}, or taken
     * from {@code analyses} when another projection analysed the same text already.
     */
    static ReadingView analysed(String id, String title, String language, DocumentSource source, @Nullable String publishedAt,
                                String text, long revision, String contentHash, Instant importedAt, String importedBy,
                                Instant updatedAt, ProjectionPosition asOf, List<FixView> fixes, AnalysisBudget budget,
                                AnalysisCache analyses) {
        return budget.run(ReadingViewProjection.PROCESSING_GROUP, id, text.length(), () -> new ReadingView(id, title,
                language, source, publishedAt, text, revision, contentHash, importedAt, importedBy, updatedAt, asOf, fixes,
                analyses.get(TextAnalyses.STRUCTURE, text).segments(), analyses.get(TextAnalyses.REDACTIONS, text)));
    }

    ReadingView withText(String newText, long newRevision, List<FixView> newFixes, Instant at, ProjectionPosition position,
                         AnalysisBudget budget, AnalysisCache analyses) {
        return analysed(id, title, language, source, publishedAt, newText, newRevision, contentHash, importedAt,
                importedBy, at, position, newFixes, budget, analyses);
    }

    /** This view without its large parts, which a stored version keeps by reference ({@link ViewContents}). */
    ReadingView withoutContents() {
        return new ReadingView(id, title, language, source, publishedAt, "", revision, contentHash, importedAt,
                importedBy, updatedAt, asOf, List.of(), List.of(), List.of());
    }

    /** This view with the large parts a stored version refers to put back. */
    ReadingView withContents(String fullText, List<FixView> allFixes, List<Segment> allSegments,
                             List<Redaction> allRedactions) {
        return new ReadingView(id, title, language, source, publishedAt, fullText, revision, contentHash, importedAt,
                importedBy, updatedAt, asOf, allFixes, allSegments, allRedactions);
    }

    ReadingView withFixes(List<FixView> newFixes, Instant at, ProjectionPosition position) {
        return new ReadingView(id, title, language, source, publishedAt, text, revision, contentHash, importedAt,
                importedBy, at, position, newFixes, segments, redactions);
    }
}
