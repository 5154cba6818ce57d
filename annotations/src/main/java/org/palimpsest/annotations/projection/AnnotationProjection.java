package org.palimpsest.annotations.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationCreated;
import org.palimpsest.annotations.annotation.AnnotationDeleted;
import org.palimpsest.annotations.annotation.AnnotationEvent;
import org.palimpsest.annotations.annotation.AnnotationHidden;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.AnnotationRestored;
import org.palimpsest.annotations.annotation.AnnotationRevised;
import org.palimpsest.annotations.annotation.AnnotationState;
import org.palimpsest.annotations.annotation.AnnotationUnhidden;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.Target;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.GenerationalProjection;
import org.palimpsest.archive.projection.ProjectionPosition;
import org.palimpsest.archive.projection.Rebuildable;

/**
 * Projects annotation facts, and the document facts that move text under them, into the {@link AnnotationStore}; the
 * {@link AnnotationQueries} answer from it. It reads no other projection: the document revisions it needs arrive as
 * events on the same stream.
 */
@ProcessingGroup(AnnotationProjection.PROCESSING_GROUP)
public class AnnotationProjection extends GenerationalProjection<AnnotationStore> {

    public static final String PROCESSING_GROUP = "annotations";
    public static final String ANNOTATIONS = "annotations";
    public static final String VERSIONS = "annotation_versions";
    public static final String TEXT_CHANGES = "annotation_text_changes";
    public static final String DOCUMENTS = "annotation_documents";
    static final String VERSION_INDEX = "annotation_version_index";

    public AnnotationProjection(MongoDatabase database) {
        this(database, Generation.FIRST);
    }

    public AnnotationProjection(MongoDatabase database, Generation generation) {
        super(database, generation, AnnotationStore::new);
        MongoCollection<AnnotationRecord> annotations = store().annotations().committed();
        // For the unfiltered container and its creator/tag/motivation filters on a real MongoDB; the embedded server
        // ignores them and scans. Listings by document never need them (annotation_documents + $in).
        annotations.createIndex(Indexes.ascending("created", "_id"));
        annotations.createIndex(Indexes.ascending("creator", "created"));
        annotations.createIndex(Indexes.ascending("tags"));
        annotations.createIndex(Indexes.ascending("motivations"));
        annotations.createIndex(Indexes.ascending("replyTo"));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public Rebuildable fresh(Generation generation) {
        return new AnnotationProjection(database(), generation);
    }

    // Document facts: how the text under the annotations moved.

    @EventHandler
    void on(DocumentImported event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), 0, "imported", null, time);
        setRevision(event.documentId(), 0);
    }

    @EventHandler
    void on(DocumentReimported event, @Timestamp Instant time) {
        // No offset mapping crosses a re-import: a record without a change is a reset marker.
        saveTextChange(event.documentId(), event.revision(), "reimported", null, time);
        setRevision(event.documentId(), event.revision());
    }

    @EventHandler
    void on(TranslationFixAccepted event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), event.revision(), "fix-accepted", event.change(), time);
        setRevision(event.documentId(), event.revision());
    }

    @EventHandler
    void on(TranslationFixReverted event, @Timestamp Instant time) {
        saveTextChange(event.documentId(), event.revision(), "fix-reverted", event.change(), time);
        setRevision(event.documentId(), event.revision());
    }

    // Annotation facts.

    @EventHandler
    void on(AnnotationCreated event, @Timestamp Instant time, @Nullable TrackingToken token) {
        if (store().find(event.annotationId()).isPresent()) {
            return; // delivered again after a restart: already projected
        }
        ProjectionPosition at = ProjectionPosition.of(token, time);
        AnnotationState state = AnnotationState.of(event, time);
        String documentId = documentOf(state.target());
        Instant revisionTime = revisionTime(state.target());
        AnnotationRecord record = AnnotationRecord.of(state, documentId, revisionTime, at, new VersionFacts(event.actor(),
                time, "created", changedParts(null, state), null, false, at.position(), state.version(), state.version()));
        store().recordVersion(state.annotationId(), at.position(), time);
        if (record.documentId() != null) {
            addToDocument(record.documentId(), state.annotationId());
        }
        store().save(record);
    }

    @EventHandler
    void on(AnnotationRevised event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "revised", null, event.byModerator());
    }

    @EventHandler
    void on(AnnotationDeleted event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "deleted", event.reason(), event.byModerator());
    }

    @EventHandler
    void on(AnnotationRestored event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "restored", event.reason(), event.byModerator());
    }

    @EventHandler
    void on(AnnotationHidden event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "hidden", event.reason(), true);
    }

    @EventHandler
    void on(AnnotationUnhidden event, @Timestamp Instant time, @Nullable TrackingToken token) {
        advance(event, time, token, "unhidden", event.reason(), true);
    }

    /**
     * The version the record held is kept as superseded, and the record is saved after everything else an event
     * produces, because it is what recognises a redelivery: a crash before it makes the event come again, and the
     * writes before it are upserts by key that can repeat.
     */
    private void advance(AnnotationEvent event, Instant time, @Nullable TrackingToken token, String change,
                         @Nullable String reason, boolean byModerator) {
        AnnotationRecord before = store().find(event.annotationId()).orElseThrow(() -> new IllegalStateException(
                "annotation " + event.annotationId() + " is missing from the read model; rebuild the projection"));
        if (event.version() <= before.state().version()) {
            return; // delivered again after a restart: already projected
        }
        ProjectionPosition at = ProjectionPosition.of(token, time);
        AnnotationState previous = before.state().toState();
        AnnotationState state = previous.then(event, time);
        Instant revisionTime = state.target().equals(previous.target()) ? before.revisionTime()
                : revisionTime(state.target());
        List<String> changed = event instanceof AnnotationRevised ? changedParts(previous, state) : List.of();
        store().supersede(before);
        store().recordVersion(state.annotationId(), at.position(), time);
        VersionFacts facts = new VersionFacts(event.actor(), time, change, changed, reason, byModerator, at.position(),
                state.bodies().equals(previous.bodies()) ? setBy(before, VersionFacts::bodiesSince) : state.version(),
                state.target().equals(previous.target()) ? setBy(before, VersionFacts::targetSince) : state.version());
        store().save(AnnotationRecord.of(state, before.documentId(), revisionTime, at, facts));
    }

    /**
     * The version that set a part {@code before} holds: as its facts say, or, for a record written before they were
     * kept, its own version, which is stored whole.
     */
    private static long setBy(AnnotationRecord before, ToLongFunction<VersionFacts> part) {
        return before.latest() == null ? before.state().version() : part.applyAsLong(before.latest());
    }

    private @Nullable String documentOf(Target target) {
        if (target instanceof DocumentTarget document) {
            return document.documentId();
        }
        // A reply's thread is on the document its root is on; the parent, made earlier, is already projected.
        return store().find(((AnnotationReplyTarget) target).annotationId()).map(AnnotationRecord::documentId).orElse(null);
    }

    private @Nullable Instant revisionTime(Target target) {
        if (!(target instanceof DocumentTarget document)) {
            return null;
        }
        return store().textChange(document.documentId(), document.revision()).map(TextChangeRecord::time).orElse(null);
    }

    /** Which parts a creation or revision set: what a history line says changed. */
    private static List<String> changedParts(@Nullable AnnotationState before, AnnotationState after) {
        List<String> parts = new ArrayList<>();
        if (before == null ? !after.motivations().isEmpty() : !before.motivations().equals(after.motivations())) {
            parts.add("motivation");
        }
        if (before == null ? !after.bodies().isEmpty() : !before.bodies().equals(after.bodies())) {
            parts.add("body");
        }
        if (before == null || !before.target().equals(after.target())) {
            parts.add("target");
        }
        return parts;
    }

    private void saveTextChange(String documentId, long revision, String cause, @Nullable TextChange change,
                                Instant time) {
        store().saveTextChange(new TextChangeRecord(TextChangeRecord.key(documentId, revision), documentId, revision,
                cause, change, time));
    }

    private void setRevision(String documentId, long revision) {
        AnnotatedDocument document = store().document(documentId).orElse(null);
        List<String> ids = document == null ? List.of() : document.annotationIds();
        // Revisions only grow; a redelivered older event must not move the document back.
        long current = document == null ? revision : Math.max(document.revision(), revision);
        store().saveDocument(new AnnotatedDocument(documentId, current, ids));
    }

    private void addToDocument(String documentId, String annotationId) {
        AnnotatedDocument document = store().document(documentId).orElse(null);
        if (document != null && document.annotationIds().contains(annotationId)) {
            return;
        }
        List<String> ids = new ArrayList<>(document == null ? List.of() : document.annotationIds());
        ids.add(annotationId);
        store().saveDocument(new AnnotatedDocument(documentId, document == null ? 0 : document.revision(), ids));
    }
}
