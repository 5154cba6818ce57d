package org.palimpsest.archive.projection.reading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ContentStore;
import org.palimpsest.archive.projection.TextStore;

/**
 * Puts a view's contents in the stores (its text in the {@link TextStore}, its lists in the {@link ContentStore}),
 * remembering for the documents handled last what each part is and under which hash. Most events change one part of a
 * view (a fix proposed changes its fixes, not its 60 KB of text and hundreds of segments): a part equal to the one
 * remembered is not encoded and hashed again, and a view read back whose hashes are those remembered needs no read of
 * its contents. A new text is put as an edit of the one remembered for its document, the text before the event.
 *
 * <p>A remembered hash is put again unless the store holds it (or holds it back in this unit of work), so the content
 * of an event that was dropped is put again; and everything is forgotten when a unit of work rolls back, since a bulk
 * write that failed part-way may have stored a list but not its chunks.
 */
final class RememberedContents {

    /** Documents remembered; a few views' texts and segments, whatever the size of the archive. */
    static final int DOCUMENTS = 128;

    /** A value and its hash. */
    record Put<T>(T value, String hash) {
    }

    /** What was last put or read for one document's view; a part is null until then. */
    record Parts(@Nullable Put<String> text, @Nullable Put<List<FixView>> fixes,
                 @Nullable Put<List<Segment>> segments, @Nullable Put<List<Redaction>> redactions) {

        static final Parts NONE = new Parts(null, null, null, null);
    }

    private final TextStore texts;
    private final ContentStore contents;
    /** Shared by the processor's segment threads and the queries; a document's events come on one thread, in order. */
    private final Map<String, Parts> last = Collections.synchronizedMap(new LinkedHashMap<>(DOCUMENTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parts> eldest) {
            return size() > DOCUMENTS;
        }
    });

    /** This instance's resource on a unit of work, for registering its rollback handler once. */
    private final String rollbackKey = RememberedContents.class.getName() + "@" + System.identityHashCode(this);

    RememberedContents(TextStore texts, ContentStore contents) {
        this.texts = texts;
        this.contents = contents;
    }

    /** The hash of {@code documentId}'s {@code text}, put unless it is the text put last for the document. */
    String text(String documentId, String text) {
        Parts before = parts(documentId);
        Put<String> put = putText(before.text(), text);
        last.put(documentId, new Parts(put, before.fixes(), before.segments(), before.redactions()));
        return put.hash();
    }

    /** The hashes of {@code view}'s contents, each part put unless it is the one put last for the document. */
    ViewContents view(ReadingView view) {
        Parts before = parts(view.id());
        Put<String> text = putText(before.text(), view.text());
        Put<List<FixView>> fixes = put(before.fixes(), view.fixes(), () -> contents.putList(view.fixes(), FixView.class));
        Put<List<Segment>> segments = put(before.segments(), view.segments(),
                () -> contents.putList(view.segments(), Segment.class));
        Put<List<Redaction>> redactions = put(before.redactions(), view.redactions(),
                () -> contents.putList(view.redactions(), Redaction.class));
        last.put(view.id(), new Parts(text, fixes, segments, redactions));
        return new ViewContents(text.hash(), fixes.hash(), segments.hash(), redactions.hash());
    }

    /** What is remembered of {@code documentId}'s view, for reading back the parts whose hashes it holds. */
    Parts remembered(String documentId) {
        Parts parts = last.get(documentId);
        return parts == null ? Parts.NONE : parts;
    }

    /** Remembers the parts of a view read back from the stores, for the next event of its document. */
    void remember(String documentId, Parts parts) {
        last.put(documentId, parts);
    }

    private Parts parts(String documentId) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(rollbackKey, key -> {
                root.onRollback(u -> last.clear());
                return Boolean.TRUE;
            });
        }
        return remembered(documentId);
    }

    /** A new text is put as an edit of the document's text before it, so every projection stores it alike. */
    private Put<String> putText(@Nullable Put<String> before, String text) {
        if (unchanged(before, text, texts::holds)) {
            return before;
        }
        return new Put<>(text, before == null ? texts.put(text) : texts.put(text, before.hash(), before.value()));
    }

    private <T> Put<T> put(@Nullable Put<T> before, T value, Supplier<String> put) {
        return unchanged(before, value, contents::holds) ? before : new Put<>(value, put.get());
    }

    private static <T> boolean unchanged(@Nullable Put<T> before, T value, Predicate<String> holds) {
        return before != null && (before.value() == value || before.value().equals(value)) && holds.test(before.hash());
    }
}
