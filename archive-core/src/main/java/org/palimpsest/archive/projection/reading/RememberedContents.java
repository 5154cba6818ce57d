package org.palimpsest.archive.projection.reading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.projection.ContentStore;

/**
 * Puts a view's contents in the content store, remembering for the documents saved last what it put and under which
 * hash. Most events change one part of a view (a fix proposed changes its fixes, not its 60 KB of text and hundreds
 * of segments), and an accepted fix's text is put for its revision and again for its view: a part equal to the one
 * remembered is not encoded and hashed again. A remembered hash is used only while the store holds it (or holds it
 * back in this unit of work), so the content of an event that was dropped is put again; and everything is forgotten
 * when a unit of work rolls back, since a bulk write that failed part-way may have stored a list but not its chunks.
 */
final class RememberedContents {

    /** Documents remembered; a few views' texts and segments, whatever the size of the archive. */
    static final int DOCUMENTS = 128;

    /** A value put and its hash. */
    private record Put<T>(T value, String hash) {
    }

    /** What was last put for one document's view; a part is null until put. */
    private record Parts(@Nullable Put<String> text, @Nullable Put<List<FixView>> fixes,
                         @Nullable Put<List<Segment>> segments, @Nullable Put<List<Redaction>> redactions) {
    }

    private final ContentStore contents;
    /** Shared by the processor's segment threads; a document's events come on one thread, in order. */
    private final Map<String, Parts> last = Collections.synchronizedMap(new LinkedHashMap<>(DOCUMENTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parts> eldest) {
            return size() > DOCUMENTS;
        }
    });

    /** This instance's resource on a unit of work, for registering its rollback handler once. */
    private final String rollbackKey = RememberedContents.class.getName() + "@" + System.identityHashCode(this);

    RememberedContents(ContentStore contents) {
        this.contents = contents;
    }

    /** The hash of {@code documentId}'s {@code text}, put unless it is the text put last for the document. */
    String text(String documentId, String text) {
        Parts before = parts(documentId);
        Put<String> put = put(before.text(), text, () -> contents.put(text, String.class));
        last.put(documentId, new Parts(put, before.fixes(), before.segments(), before.redactions()));
        return put.hash();
    }

    /** The hashes of {@code view}'s contents, each part put unless it is the one put last for the document. */
    ViewContents view(ReadingView view) {
        Parts before = parts(view.id());
        Put<String> text = put(before.text(), view.text(), () -> contents.put(view.text(), String.class));
        Put<List<FixView>> fixes = put(before.fixes(), view.fixes(), () -> contents.putList(view.fixes(), FixView.class));
        Put<List<Segment>> segments = put(before.segments(), view.segments(),
                () -> contents.putList(view.segments(), Segment.class));
        Put<List<Redaction>> redactions = put(before.redactions(), view.redactions(),
                () -> contents.putList(view.redactions(), Redaction.class));
        last.put(view.id(), new Parts(text, fixes, segments, redactions));
        return new ViewContents(text.hash(), fixes.hash(), segments.hash(), redactions.hash());
    }

    private Parts parts(String documentId) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(rollbackKey, key -> {
                root.onRollback(u -> last.clear());
                return Boolean.TRUE;
            });
        }
        Parts parts = last.get(documentId);
        return parts == null ? new Parts(null, null, null, null) : parts;
    }

    private <T> Put<T> put(@Nullable Put<T> before, T value, Supplier<String> put) {
        if (before != null && (before.value() == value || before.value().equals(value)) && contents.holds(before.hash())) {
            return before;
        }
        return new Put<>(value, put.get());
    }
}
