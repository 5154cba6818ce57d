package org.palimpsest.annotations.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.anchoring.Anchorer;
import org.palimpsest.annotations.anchoring.Anchoring;
import org.palimpsest.annotations.anchoring.RevisionPath;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * The annotation projection's queries: single annotations and their versions, listings of the container, and a
 * document's annotations anchored to its current text. They read the store of the generation the
 * {@link AnnotationProjection} reads now, so an adopted rebuild answers at once.
 */
public final class AnnotationQueries {

    private static final Comparator<AnnotationRecord> OLDEST_FIRST =
            Comparator.comparing(AnnotationRecord::created).thenComparing(AnnotationRecord::id);

    private final AnnotationProjection projection;

    public AnnotationQueries(AnnotationProjection projection) {
        this.projection = projection;
    }

    private AnnotationStore store() {
        return projection.store();
    }

    /** Ids of every annotation this projection knows, deleted ones included. */
    public List<String> currentIds() {
        List<String> ids = new ArrayList<>();
        store().annotations().committed().withDocumentClass(org.bson.Document.class).find()
                .projection(new org.bson.Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @QueryHandler
    public Optional<AnnotationView> handle(FindAnnotation query) {
        return store().find(query.annotationId()).map(AnnotationRecord::view);
    }

    @QueryHandler
    public Optional<AnnotationVersion> handle(FindAnnotationVersion query) {
        return store().version(query.annotationId(), query.version()).map(AnnotationVersionRecord::toVersion);
    }

    /** Key lookups only, whatever the length of the annotation's history (see {@link VersionIndex}). */
    @QueryHandler
    public Optional<AnnotationVersion> handle(FindAnnotationVersionAsOf query) {
        OptionalLong version = store().versionAt(query.annotationId(), query.position(), query.time());
        return version.isEmpty() ? Optional.empty()
                : handle(new FindAnnotationVersion(query.annotationId(), version.getAsLong()));
    }

    @QueryHandler
    public List<AnnotationVersion> handle(ListAnnotationVersions query) {
        Optional<AnnotationRecord> current = store().find(query.annotationId());
        if (current.isEmpty()) {
            return List.of();
        }
        return store().versions(query.annotationId(), current.get().state().version()).stream()
                .sorted(Comparator.comparingLong(AnnotationVersionRecord::version))
                .map(AnnotationVersionRecord::toVersion)
                .toList();
    }

    @QueryHandler
    public AnnotationListing handle(ListAnnotations query) {
        String byDocument = query.documentId();
        if (byDocument == null && query.repliesTo() != null) {
            // Replies live in their thread's document index; an unknown parent has none.
            byDocument = store().find(query.repliesTo()).map(AnnotationRecord::documentId).orElse(null);
        }
        List<AnnotationRecord> page;
        long total;
        if (byDocument != null) {
            List<AnnotationRecord> onIt = query.historical()
                    ? store().asOf(store().onDocument(byDocument), query.position(), query.time())
                    : store().onDocument(byDocument);
            List<AnnotationRecord> matching = onIt.stream()
                    .filter(matches(query))
                    .sorted(OLDEST_FIRST)
                    .toList();
            total = matching.size();
            page = matching.stream().skip((long) query.page() * query.size()).limit(query.size()).toList();
        } else {
            Bson filter = filter(query);
            total = store().annotations().committed().countDocuments(filter);
            page = new ArrayList<>();
            store().annotations().committed().find(filter)
                    .sort(Sorts.ascending("created", "_id"))
                    .skip(query.page() * query.size())
                    .limit(query.size())
                    .forEach(page::add);
        }
        List<AnnotationView> items = page.stream().map(AnnotationRecord::view).toList();
        boolean behind = false;
        if (query.anchorTo() != null && query.documentId() != null) {
            Placement placement = new Placement(query.documentId(), query.anchorTo(), items);
            items = items.stream().map(v -> v.anchored(placement.anchor(v))).toList();
            behind = placement.knownRevision < placement.revision;
        }
        return new AnnotationListing(items, query.page(), query.size(), total, behind);
    }

    @QueryHandler
    public AnchoredDocument handle(AnchoredAnnotations query) {
        String documentId = query.documentId();
        List<AnnotationRecord> records = query.historical()
                ? store().asOf(store().onDocument(documentId), query.position(), query.time())
                : store().onDocument(documentId);
        List<AnnotationView> live = records.stream()
                .map(AnnotationRecord::view)
                .filter(v -> v.visibleTo(null, false))
                .toList();
        Map<String, List<AnnotationView>> repliesByParent = new HashMap<>();
        List<AnnotationView> topLevel = new ArrayList<>();
        for (AnnotationView view : live) {
            if (view.replyTo() != null) {
                repliesByParent.computeIfAbsent(view.replyTo(), k -> new ArrayList<>()).add(view);
            } else if (view.state().target() instanceof DocumentTarget target && target.documentId().equals(documentId)) {
                topLevel.add(view);
            }
        }
        Placement placement = new Placement(documentId, query.current(), topLevel);
        List<AnchoredAnnotation> anchored = topLevel.stream()
                .map(v -> new AnchoredAnnotation(v, placement.anchor(v), thread(v.id(), repliesByParent, new HashSet<>())))
                .sorted(Comparator.comparingInt((AnchoredAnnotation a) -> readingPosition(a.anchoring()))
                        .thenComparing(a -> a.annotation().state().created())
                        .thenComparing(a -> a.annotation().id()))
                .toList();
        return new AnchoredDocument(documentId, placement.revision, placement.knownRevision, anchored);
    }

    private static int readingPosition(Anchoring anchoring) {
        return anchoring.anchored() && anchoring.span() != null ? anchoring.span().start() : Integer.MAX_VALUE;
    }

    private static List<AnnotationThread> thread(String parentId, Map<String, List<AnnotationView>> repliesByParent,
                                                 Set<String> seen) {
        if (!seen.add(parentId)) {
            return List.of(); // replies name earlier annotations, so there is no cycle; this only guards bad data
        }
        return repliesByParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing((AnnotationView v) -> v.state().created()).thenComparing(AnnotationView::id))
                .map(reply -> new AnnotationThread(reply, thread(reply.id(), repliesByParent, seen)))
                .toList();
    }

    /**
     * Places annotations of one document in its current text. The text changes between the oldest revision any of
     * them was made on and the current one are read once, with one {@code $in} on their keys.
     */
    private final class Placement {

        private final String text;
        private final long revision;
        private final long knownRevision;
        private final Map<Long, TextChangeRecord> changes = new HashMap<>();

        Placement(String documentId, CurrentText current, Collection<AnnotationView> views) {
            AnnotatedDocument document = store().document(documentId).orElse(null);
            this.knownRevision = document == null ? -1 : document.revision();
            this.text = current.text();
            this.revision = current.revision() == CurrentText.LATEST_KNOWN ? Math.max(0, knownRevision) : current.revision();
            long oldest = views.stream()
                    .map(v -> v.state().target())
                    .filter(DocumentTarget.class::isInstance)
                    .mapToLong(t -> ((DocumentTarget) t).revision())
                    .min().orElse(revision);
            store().textChanges(documentId, oldest + 1, revision).forEach(c -> changes.put(c.revision(), c));
        }

        @Nullable Anchoring anchor(AnnotationView view) {
            if (!(view.state().target() instanceof DocumentTarget target)) {
                return null;
            }
            return Anchorer.anchor(text, target.quote(), target.position(), path(target.revision()));
        }

        /** The exact edits from {@code from} to the current revision; unmapped across a re-import or a gap. */
        private RevisionPath path(long from) {
            if (from == revision) {
                return RevisionPath.unchanged();
            }
            if (from > revision) {
                return RevisionPath.unmapped();
            }
            List<TextChange> edits = new ArrayList<>();
            for (long r = from + 1; r <= revision; r++) {
                TextChangeRecord record = changes.get(r);
                if (record == null || record.change() == null) {
                    return RevisionPath.unmapped();
                }
                edits.add(record.change());
            }
            return RevisionPath.through(edits);
        }
    }

    /** The listing's conditions as a predicate, for records read by id... */
    private static Predicate<AnnotationRecord> matches(ListAnnotations query) {
        return r -> !r.deleted()
                && (!r.hidden() || query.viewerIsModerator() || r.creator().equals(query.viewer()))
                && (query.documentId() == null || query.documentId().equals(r.documentId()) && r.replyTo() == null)
                && (query.repliesTo() == null || query.repliesTo().equals(r.replyTo()))
                && (query.creator() == null || query.creator().equals(r.creator()))
                && (query.tag() == null || r.tags().contains(query.tag()))
                && (query.motivation() == null || r.motivations().contains(query.motivation()));
    }

    /** ...and the same conditions as a MongoDB filter, for listings not confined to one document. */
    private static Bson filter(ListAnnotations query) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("deleted", false));
        if (!query.viewerIsModerator()) {
            conditions.add(query.viewer() == null ? Filters.eq("hidden", false)
                    : Filters.or(Filters.eq("hidden", false), Filters.eq("creator", query.viewer())));
        }
        if (query.documentId() != null) {
            conditions.add(Filters.eq("documentId", query.documentId()));
            conditions.add(Filters.eq("replyTo", null));
        }
        if (query.repliesTo() != null) {
            conditions.add(Filters.eq("replyTo", query.repliesTo()));
        }
        if (query.creator() != null) {
            conditions.add(Filters.eq("creator", query.creator()));
        }
        if (query.tag() != null) {
            conditions.add(Filters.eq("tags", query.tag()));
        }
        if (query.motivation() != null) {
            conditions.add(Filters.eq("motivations", query.motivation()));
        }
        return Filters.and(conditions);
    }
}
