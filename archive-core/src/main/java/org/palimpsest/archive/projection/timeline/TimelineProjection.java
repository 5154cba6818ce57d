package org.palimpsest.archive.projection.timeline;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.projection.FollowedDocument;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.Rebuildable;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.TextDerivedProjection;
import org.palimpsest.archive.projection.analysis.AnalysisCache;

/**
 * Extracts dated statements from each document whenever its text changes, each tagged with the people and
 * organizations it names; they are kept per document version in {@code timeline_entries_contents}. Events are grouped at query time, so a better
 * grouping rule applies at once ({@link TimelineQueries}); a better extractor needs a rebuild of this projection only.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection extends TextDerivedProjection<TimelineEntry> {

    public static final String PROCESSING_GROUP = "timeline";
    static final String ENTRIES = "timeline_entries";
    static final String DOCUMENTS = "timeline_documents";

    private final NameCatalog names;
    private final AnalysisCache analyses;

    public TimelineProjection(MongoDatabase database, NameCatalog names) {
        this(database, names, Generation.FIRST, AnalysisBudget.standard(), AnalysisCache.standard());
    }

    public TimelineProjection(MongoDatabase database, NameCatalog names, Generation generation, AnalysisBudget budget) {
        this(database, names, generation, budget, AnalysisCache.standard());
    }

    /** @param analyses where analyses of a text are shared with the other projections that read it */
    public TimelineProjection(MongoDatabase database, NameCatalog names, Generation generation, AnalysisBudget budget,
                              AnalysisCache analyses) {
        super(database, DOCUMENTS, ENTRIES, TimelineEntry.class, generation, budget);
        this.names = names;
        this.analyses = analyses;
    }

    /** The catalog that names people and organizations in entries and queries. */
    NameCatalog names() {
        return names;
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public Rebuildable fresh(Generation generation) {
        return new TimelineProjection(database(), names, generation, budget(), analyses);
    }

    /** The same projection on another database (a replay's scratch), with the same name catalog. */
    public TimelineProjection replica(MongoDatabase scratch) {
        return new TimelineProjection(scratch, names, Generation.FIRST, budget(), analyses);
    }

    /** Every entry, ungrouped, as the projection held them at {@code position} or {@code time}; both null: now. */
    public List<TimelineEntry> entries(@Nullable Long position, @Nullable Instant time) {
        return derived(position, time);
    }

    @Override
    protected void derive(FollowedDocument doc, ProjectionPosition at) {
        List<TimelineAnalysis.Found> found = analyse(doc, () -> analyses.get(
                new TimelineAnalysis.Of(doc.language(), doc.publishedAt(), names), doc.text()));
        for (int i = 0; i < found.size(); i++) {
            TimelineEntry entry = TimelineEntry.of(doc.documentId(), doc.title(), doc.revision(), i + 1,
                    found.get(i).statement(), found.get(i).names(), at);
            derived(entry.key(), entry);
        }
    }
}
