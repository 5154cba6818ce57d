package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ProjectionPosition;

/**
 * A {@link ReadingView} now, as stored in {@code reading_views}: without its text, fixes, segments and redactions,
 * which {@code contents} refers to exactly as its latest version does (ADR 10), and with the length of its text for
 * listings. Views stored before carry those parts themselves and no contents; they are read as they are.
 *
 * @param length the text's length in code points; null in views stored before, which carry the text
 */
public record StoredReadingView(
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
        List<Redaction> redactions,
        @Nullable ViewContents contents,
        @Nullable Integer length) {

    static StoredReadingView of(ReadingView view, ViewContents contents) {
        ReadingView slim = view.withoutContents();
        return new StoredReadingView(slim.id(), slim.title(), slim.language(), slim.source(), slim.publishedAt(),
                slim.text(), slim.revision(), slim.contentHash(), slim.importedAt(), slim.importedBy(), slim.updatedAt(),
                slim.asOf(), slim.fixes(), slim.segments(), slim.redactions(), contents,
                view.text().codePointCount(0, view.text().length()));
    }

    /** The view as stored: without its contents when {@link #contents} refers to them. */
    ReadingView view() {
        return new ReadingView(id, title, language, source, publishedAt, text, revision, contentHash, importedAt,
                importedBy, updatedAt, asOf, fixes, segments, redactions);
    }

    ReadingViewSummary summary() {
        return new ReadingViewSummary(id, title, language, source, publishedAt, revision,
                length != null ? length : text.codePointCount(0, text.length()), importedAt, updatedAt);
    }
}
