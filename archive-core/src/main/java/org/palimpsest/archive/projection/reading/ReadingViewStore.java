package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ContentStore;
import org.palimpsest.archive.projection.KeyedCollection;
import org.palimpsest.archive.projection.StoreCollections;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * The reading views' collections of one generation: {@code reading_views} (each document now),
 * {@code document_revisions} (each revision of its text), {@code reading_view_versions} (every state a view has had)
 * with its version index, and {@code reading_view_contents}, where texts, fixes, segments and redactions are stored
 * once by their hash for the versions and revisions that refer to them (ADR 10). Every read and write is by key.
 */
final class ReadingViewStore {

    static final String VIEWS = ReadingViewProjection.VIEWS;
    static final String REVISIONS = ReadingViewProjection.REVISIONS;
    static final String VERSIONS = ReadingViewProjection.VERSIONS;
    static final String CONTENTS = "reading_view_contents";

    private final ContentStore contents;
    private final RememberedContents remembered;
    private final KeyedCollection<StoredRevision> revisions;
    private final KeyedCollection<ReadingViewVersion> versions;
    private final VersionIndex versionIndex;
    /** Opened last: the current view is what recognises a redelivered event, so a batch writes it last. */
    private final KeyedCollection<ReadingView> views;

    ReadingViewStore(StoreCollections collections) {
        // First: content is written before anything that refers to it.
        this.contents = collections.contents(CONTENTS);
        this.remembered = new RememberedContents(contents);
        this.revisions = collections.keyed(REVISIONS, StoredRevision.class);
        this.versions = collections.keyed(VERSIONS, ReadingViewVersion.class);
        this.versionIndex = collections.versionIndex(VERSIONS);
        this.views = collections.keyed(VIEWS, ReadingView.class);
    }

    Optional<ReadingView> find(String documentId) {
        return views.find(documentId);
    }

    /** Replaces the current view and keeps it as a new version, current from its event on; the view last. */
    void save(ReadingView view) {
        long version = versionIndex.append(view.id(), view.asOf().position(), view.asOf().time());
        String key = ReadingViewVersion.key(view.id(), version);
        versions.put(key, new ReadingViewVersion(key, view.withoutContents(), remembered.view(view)));
        views.put(view.id(), view);
    }

    void saveRevision(DocumentRevision revision) {
        revisions.put(revision.key(), new StoredRevision(revision.key(), revision.documentId(), revision.revision(), null,
                remembered.text(revision.documentId(), revision.text()), revision.time(), revision.cause(), revision.fixId(),
                revision.actor(), revision.position()));
    }

    /** The view as it was at {@code position} or {@code time}: three key lookups whatever the history. */
    Optional<ReadingView> asOf(String documentId, @Nullable Long position, @Nullable Instant time) {
        OptionalLong version = position != null ? versionIndex.versionAt(documentId, position)
                : versionIndex.versionAt(documentId, time);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return versions.find(ReadingViewVersion.key(documentId, version.getAsLong())).map(this::whole);
    }

    List<VersionIndex.Stamp> stamps(String documentId) {
        return versionIndex.stamps(documentId);
    }

    Optional<DocumentRevision> revision(String documentId, long revision) {
        return revisions.find(DocumentRevision.key(documentId, revision)).map(stored -> stored.withText(
                stored.textHash() == null ? stored.text() : contents.get(stored.textHash(), String.class)));
    }

    /** The view a stored version holds, its contents put back (a version from before ADR 10 holds them itself). */
    private ReadingView whole(ReadingViewVersion version) {
        ViewContents stored = version.contents();
        if (stored == null) {
            return version.view();
        }
        ContentStore.Read read = contents.read(List.of(stored.text()),
                List.of(stored.fixes(), stored.segments(), stored.redactions()));
        return version.view().withContents(read.value(stored.text(), String.class), read.list(stored.fixes(), FixView.class),
                read.list(stored.segments(), Segment.class), read.list(stored.redactions(), Redaction.class));
    }

    /** The current views as flushed, for listings. */
    KeyedCollection<ReadingView> views() {
        return views;
    }
}
