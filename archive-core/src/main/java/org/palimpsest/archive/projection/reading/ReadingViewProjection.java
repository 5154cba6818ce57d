package org.palimpsest.archive.projection.reading;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.GenerationalProjection;
import org.palimpsest.archive.projection.Rebuildable;
import org.palimpsest.archive.projection.analysis.AnalysisCache;

/**
 * Projects document and fix events into {@code reading_views} (one record per document),
 * {@code document_revisions} (the text of every revision) and {@code reading_view_versions} (every state the
 * view has had, indexed by the position and time it became current, for as-of reads). All keyed by unique ids.
 * {@link ReadingViewQueries} answers from them.
 */
@ProcessingGroup(ReadingViewProjection.PROCESSING_GROUP)
public class ReadingViewProjection extends GenerationalProjection<ReadingViewStore> {

    public static final String PROCESSING_GROUP = "reading-views";
    public static final String VIEWS = "reading_views";
    public static final String REVISIONS = "document_revisions";

    public static final String VERSIONS = "reading_view_versions";

    private final AnalysisBudget budget;
    private final AnalysisCache analyses;

    public ReadingViewProjection(MongoDatabase database) {
        this(database, Generation.FIRST);
    }

    public ReadingViewProjection(MongoDatabase database, Generation generation) {
        this(database, generation, AnalysisBudget.standard());
    }

    /** @param budget the time the analysis of one document's text (segments, redactions) may take */
    public ReadingViewProjection(MongoDatabase database, Generation generation, AnalysisBudget budget) {
        this(database, generation, budget, AnalysisCache.standard());
    }

    /** @param analyses where analyses of a text are shared with the other projections that read it */
    public ReadingViewProjection(MongoDatabase database, Generation generation, AnalysisBudget budget,
                                 AnalysisCache analyses) {
        super(database, generation, ReadingViewStore::new);
        this.budget = budget;
        this.analyses = analyses;
        // Real MongoDB uses it for language listings; the embedded server ignores non-unique indexes.
        store().views().committed().createIndex(Indexes.ascending("language", "_id"));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public Rebuildable fresh(Generation generation) {
        return new ReadingViewProjection(database(), generation, budget, analyses);
    }

    /** The same projection on another database (a replay's scratch), sharing this one's budget and analyses. */
    public ReadingViewProjection replica(MongoDatabase scratch) {
        return new ReadingViewProjection(scratch, Generation.FIRST, budget, analyses);
    }

    @EventHandler
    public void on(DocumentImported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        if (alreadyApplied(store().findForUpdate(event.documentId()), at)) {
            return;
        }
        saveRevision(event.documentId(), 0, event.text(), "imported", null, event.importedBy(), at);
        save(ReadingView.analysed(event.documentId(), event.title(), event.language(), event.source(), event.publishedAt(),
                event.text(), 0, event.contentHash(), time, event.importedBy(), time, at, List.of(), budget, analyses));
    }

    @EventHandler
    public void on(DocumentReimported event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        ReadingView before = store().findForUpdate(event.documentId()).orElse(null);
        if (alreadyApplied(Optional.ofNullable(before), at)) {
            return;
        }
        Instant importedAt = before == null ? time : before.importedAt();
        // A re-import has no exact offset mapping: applied fixes lose their place in the new text.
        List<FixView> fixes = before == null ? List.of() : before.fixes().stream().map(f -> f.movedTo(null)).toList();
        saveRevision(event.documentId(), event.revision(), event.text(), "reimported", null, event.importedBy(), at);
        save(ReadingView.analysed(event.documentId(), event.title(), event.language(), event.source(), event.publishedAt(),
                event.text(), event.revision(), event.contentHash(), importedAt, event.importedBy(), time, at, fixes, budget, analyses));
    }

    @EventHandler
    public void on(TranslationFixProposed event, @Timestamp Instant time, @Nullable TrackingToken token) {
        FixView fix = new FixView(event.fixId(), FixState.PENDING, event.target(), event.replacement(), event.kind(),
                event.reason(), event.reference(), event.proposedBy(), time, null, null, null, null, null, false);
        ProjectionPosition at = ProjectionPosition.of(token, time);
        update(event.documentId(), at, view -> {
            List<FixView> fixes = new ArrayList<>(view.fixes());
            fixes.add(fix);
            return view.withFixes(fixes, time, at);
        });
    }

    @EventHandler
    public void on(TranslationFixAccepted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        TextChange change = event.change();
        Span inserted = new Span(change.start(), change.insertedEnd());
        update(event.documentId(), at, v -> v.withText(change.applyTo(v.text()), event.revision(),
                moveFixes(v.fixes(), change, event.fixId(), f -> f.reviewed(FixState.ACCEPTED, event.acceptedBy(), time,
                        event.comment(), inserted, event.revision(), event.reanchored())), time, at, budget, analyses),
                view -> saveRevision(event.documentId(), event.revision(), view.text(), "fix-accepted",
                        event.fixId(), event.acceptedBy(), at));
    }

    @EventHandler
    public void on(TranslationFixRejected event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        update(event.documentId(), at, view -> view.withFixes(view.fixes().stream()
                .map(f -> f.id().equals(event.fixId())
                        ? f.reviewed(FixState.REJECTED, event.rejectedBy(), time, event.comment(), null, null, false)
                        : f)
                .toList(), time, at));
    }

    @EventHandler
    public void on(TranslationFixReverted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        ProjectionPosition at = ProjectionPosition.of(token, time);
        TextChange change = event.change();
        update(event.documentId(), at, v -> v.withText(change.applyTo(v.text()), event.revision(),
                moveFixes(v.fixes(), change, event.fixId(), f -> f.reviewed(FixState.REVERTED, event.revertedBy(), time,
                        event.comment(), null, f.appliedIn(), f.reanchored())), time, at, budget, analyses),
                view -> saveRevision(event.documentId(), event.revision(), view.text(), "fix-reverted",
                        event.fixId(), event.revertedBy(), at));
    }

    /** Applies {@code decide} to the fix that caused the change, and moves every other applied fix through it. */
    private static List<FixView> moveFixes(List<FixView> fixes, TextChange change, String fixId, UnaryOperator<FixView> decide) {
        return fixes.stream().map(f -> {
            if (f.id().equals(fixId)) {
                return decide.apply(f);
            }
            return f.span() == null ? f : f.movedTo(change.map(f.span()).orElse(null));
        }).toList();
    }

    /** Ids of every document that has a reading view now. */
    public List<String> currentIds() {
        List<String> ids = new ArrayList<>();
        store().views().committed().withDocumentClass(org.bson.Document.class).find().projection(new org.bson.Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    Optional<ReadingView> find(String documentId) {
        return store().find(documentId);
    }

    /** Applies {@code change} and saves; does nothing when the view already reflects this event (a redelivery). */
    private void update(String documentId, ProjectionPosition at, UnaryOperator<ReadingView> change) {
        update(documentId, at, change, view -> { });
    }

    /**
     * Applies {@code change}, writes what else the event produces ({@code alongside}), then saves the view.
     * The view is written last because it is what recognises a redelivery: a crash anywhere before it makes the
     * event come again and every write before it is repeated (they are idempotent upserts by key).
     */
    private void update(String documentId, ProjectionPosition at, UnaryOperator<ReadingView> change,
                        Consumer<ReadingView> alongside) {
        ReadingView view = store().findForUpdate(documentId).orElseThrow(() ->
                new IllegalStateException("reading view of " + documentId + " is missing; rebuild the projection"));
        if (alreadyApplied(Optional.of(view), at)) {
            return;
        }
        ReadingView updated = change.apply(view);
        alongside.accept(updated);
        save(updated);
    }

    /**
     * Events are delivered at least once (a crash before the token is stored, a segment changing hands): one
     * that this view already reflects must not be applied again. Position -1 means no tracking token (a test
     * feeding events by hand), where nothing is redelivered.
     */
    private static boolean alreadyApplied(Optional<ReadingView> view, ProjectionPosition at) {
        return at.position() >= 0 && view.filter(v -> v.asOf().position() >= at.position()).isPresent();
    }

    private void save(ReadingView view) {
        store().save(view);
    }

    private void saveRevision(String documentId, long revision, String text, String cause, @Nullable String fixId,
                              String actor, ProjectionPosition at) {
        store().saveRevision(new DocumentRevision(DocumentRevision.key(documentId, revision), documentId, revision, text,
                at.time(), cause, fixId, actor, at.position()));
    }
}
