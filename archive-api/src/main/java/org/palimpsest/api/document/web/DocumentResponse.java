package org.palimpsest.api.document.web;

import org.palimpsest.api.projection.ParkedEvents;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.api.annotation.web.DocumentAnnotation;
import org.palimpsest.api.fix.web.FixAnswer;
import org.palimpsest.archive.projection.reading.ReadingView;

/**
 * A document's reading view as the API returns it: the current text, every fix with its state (accepted
 * ones with where their replacement stands now, pending ones listed beside the text), the segments and
 * redactions, and the live annotations anchored to the current text (exact, fuzzy or orphaned). {@code importResult} is present only in answers to an
 * import and says what that import did. {@code behind} is present only while projections hold parked events of the
 * document (ADR 8): each names the projection, since when, and the error, so a reader knows this answer is incomplete.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DocumentResponse(
        String id,
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
        List<FixAnswer> fixes,
        List<Segment> segments,
        List<Redaction> redactions,
        List<DocumentAnnotation> annotations,
        @Nullable String importResult,
        @Nullable List<ParkedEvents.Behind> behind) {

    static DocumentResponse of(ReadingView view, List<DocumentAnnotation> annotations, @Nullable String importResult) {
        return new DocumentResponse(view.id(), view.title(), view.language(), view.source(), view.publishedAt(),
                view.text(), view.revision(), view.contentHash(), view.importedAt(), view.importedBy(),
                view.updatedAt(), view.asOf(),
                view.fixes().stream().map(f -> FixAnswer.of(view.id(), f)).toList(), view.segments(), view.redactions(),
                annotations, importResult, null);
    }

    /** This view marked as behind where projections have parked events of the document; unmarked when none have. */
    DocumentResponse behind(List<ParkedEvents.Behind> lagging) {
        return new DocumentResponse(id, title, language, source, publishedAt, text, revision, contentHash, importedAt,
                importedBy, updatedAt, asOf, fixes, segments, redactions, annotations, importResult,
                lagging.isEmpty() ? null : List.copyOf(lagging));
    }
}
