package org.palimpsest.archive.projection.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ContentStore;
import org.palimpsest.archive.projection.KeyedCollection;
import org.palimpsest.archive.projection.StoreCollections;
import org.palimpsest.archive.projection.TextStore;
import org.palimpsest.archive.projection.VersionIndex;

/**
 * The reading views' collections of one generation: {@code reading_views} (each document now),
 * {@code document_revisions} (each revision of its text), {@code reading_view_versions} (every state a view has had)
 * with its version index, and {@code reading_view_contents}, where fixes, segments and redactions are stored once by
 * their hash for the views and versions that refer to them (ADR 10). Texts are in the {@link TextStore} every
 * projection shares; those of views stored before it are in {@code reading_view_contents}, under the hash the view
 * refers to them by. Every read and write is by key.
 */
final class ReadingViewStore {

    static final String VIEWS = ReadingViewProjection.VIEWS;
    static final String REVISIONS = ReadingViewProjection.REVISIONS;
    static final String VERSIONS = ReadingViewProjection.VERSIONS;
    static final String CONTENTS = "reading_view_contents";

    private final TextStore texts;
    private final ContentStore contents;
    private final RememberedContents remembered;
    private final KeyedCollection<StoredRevision> revisions;
    private final KeyedCollection<ReadingViewVersion> versions;
    private final VersionIndex versionIndex;
    /** Opened last: the current view is what recognises a redelivered event, so a batch writes it last. */
    private final KeyedCollection<StoredReadingView> views;

    ReadingViewStore(StoreCollections collections) {
        this.texts = collections.texts();
        // First: content is written before anything that refers to it.
        this.contents = collections.contents(CONTENTS);
        this.remembered = new RememberedContents(texts, contents);
        this.revisions = collections.keyed(REVISIONS, StoredRevision.class);
        this.versions = collections.keyed(VERSIONS, ReadingViewVersion.class);
        this.versionIndex = collections.versionIndex(VERSIONS);
        this.views = collections.keyed(VIEWS, StoredReadingView.class);
    }

    /** The view now, as stored, its contents read back: for queries. */
    Optional<ReadingView> find(String documentId) {
        return views.find(documentId).map(stored -> whole(stored.view(), stored.contents(), Reader.QUERY));
    }

    /**
     * The view now, as this unit of work left it, for the next event of its document: its contents taken from those
     * remembered when they are the ones it refers to.
     */
    Optional<ReadingView> findForUpdate(String documentId) {
        return views.find(documentId).map(stored -> whole(stored.view(), stored.contents(), Reader.HANDLER));
    }

    /**
     * Who reads a view. Queries read what is stored; a handler may take the parts remembered from the document's last
     * event, which are equal to those stored but not always alike in every bit (an event's time has nanoseconds, a
     * stored one milliseconds), so a query never sees them.
     */
    private enum Reader { QUERY, HANDLER }

    /** Replaces the current view and keeps it as a new version, current from its event on; the view last. */
    void save(ReadingView view) {
        long version = versionIndex.append(view.id(), view.asOf().position(), view.asOf().time());
        String key = ReadingViewVersion.key(view.id(), version);
        ViewContents parts = remembered.view(view);
        versions.put(key, new ReadingViewVersion(key, view.withoutContents(), parts));
        views.put(view.id(), StoredReadingView.of(view, parts));
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
        return versions.find(ReadingViewVersion.key(documentId, version.getAsLong()))
                .map(stored -> whole(stored.view(), stored.contents(), Reader.QUERY));
    }

    List<VersionIndex.Stamp> stamps(String documentId) {
        return versionIndex.stamps(documentId);
    }

    Optional<DocumentRevision> revision(String documentId, long revision) {
        return revisions.find(DocumentRevision.key(documentId, revision)).map(stored -> stored.withText(
                stored.textHash() == null ? stored.text() : text(stored.textHash())));
    }

    /**
     * A stored view with the contents it refers to put back (one stored before ADR 10 holds them itself): for a
     * handler, the parts remembered for its document under the same hashes; the others read, one lookup for the text
     * and two for all the lists. What a handler reads is remembered for the document's next event.
     */
    private ReadingView whole(ReadingView view, @Nullable ViewContents stored, Reader reader) {
        if (stored == null) {
            return view;
        }
        RememberedContents.Parts known = reader == Reader.HANDLER ? remembered.remembered(view.id())
                : RememberedContents.Parts.NONE;
        List<String> unread = new ArrayList<>(3);
        for (var part : List.of(new Part(known.fixes(), stored.fixes()), new Part(known.segments(), stored.segments()),
                new Part(known.redactions(), stored.redactions()))) {
            if (!part.known()) {
                unread.add(part.hash());
            }
        }
        ContentStore.Read read = unread.isEmpty() ? null : contents.read(List.of(), unread);
        RememberedContents.Parts parts = new RememberedContents.Parts(
                known(known.text(), stored.text()).orElseGet(() -> new RememberedContents.Put<>(text(stored.text()), stored.text())),
                known(known.fixes(), stored.fixes()).orElseGet(() ->
                        new RememberedContents.Put<>(read.list(stored.fixes(), FixView.class), stored.fixes())),
                known(known.segments(), stored.segments()).orElseGet(() ->
                        new RememberedContents.Put<>(read.list(stored.segments(), Segment.class), stored.segments())),
                known(known.redactions(), stored.redactions()).orElseGet(() ->
                        new RememberedContents.Put<>(read.list(stored.redactions(), Redaction.class), stored.redactions())));
        if (reader == Reader.HANDLER) {
            remembered.remember(view.id(), parts);
        }
        return view.withContents(parts.text().value(), parts.fixes().value(), parts.segments().value(),
                parts.redactions().value());
    }

    /** A part of a stored view, and whether it is the one remembered for its document. */
    private record Part(RememberedContents.@Nullable Put<?> remembered, String hash) {

        boolean known() {
            return remembered != null && remembered.hash().equals(hash);
        }
    }

    private static <T> Optional<RememberedContents.Put<T>> known(RememberedContents.@Nullable Put<T> remembered, String hash) {
        return remembered != null && remembered.hash().equals(hash) ? Optional.of(remembered) : Optional.empty();
    }

    /** A text by its hash: in the shared store, or, for views stored before it, in this projection's contents. */
    private String text(String hash) {
        return texts.find(hash).orElseGet(() -> contents.get(hash, String.class));
    }

    /** The current views as flushed, for listings. */
    KeyedCollection<StoredReadingView> views() {
        return views;
    }
}
