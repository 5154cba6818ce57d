package org.palimpsest.archive.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.palimpsest.archive.fix.TextChange;

/**
 * The texts of documents' revisions, each stored once, under the same hash as {@link ContentStore} would give it, for
 * every projection that follows document texts and for every generation of them (ADR 10). A text is a function of the
 * event log (an imported text, or the text before it with a fix applied), so every generation and every projection
 * stores the same texts: a rebuild writes only those missing, and drops none.
 *
 * <p>A text made by a small edit of another (an accepted or reverted fix) is stored as that edit of the last text
 * kept whole before it, so a hundred fixes to a 60 KB document cost their edits, not a hundred copies of it. The
 * edits of one stored text are bounded ({@value #MOST_EDITS}, and a quarter of its length), so reading any text is
 * at most two key lookups.
 */
public final class TextStore {

    /** The collection, one per database: it belongs to no generation. */
    public static final String COLLECTION = "document_texts";
    /** Edits kept on one stored text before it is kept whole again. */
    static final int MOST_EDITS = 32;

    private final KeyedCollection<StoredText> texts;

    TextStore(KeyedCollection<StoredText> texts) {
        this.texts = texts;
    }

    /** The hash a text is stored under. */
    public static String hash(String text) {
        return ContentStore.textHash(text);
    }

    /** Stores {@code text} whole unless it is there already; returns its hash. */
    public String put(String text) {
        String hash = hash(text);
        if (!texts.contains(hash)) {
            texts.put(hash, StoredText.whole(hash, text));
        }
        return hash;
    }

    /**
     * Stores {@code text}, made from {@code previous} (stored under {@code previousHash}), as the edit between them
     * when that is small, unless it is there already; returns its hash. Every projection passes the document's text
     * before the event as {@code previous}, so all store a text in the same form.
     */
    public String put(String text, String previousHash, String previous) {
        String hash = hash(text);
        if (!texts.contains(hash)) {
            texts.put(hash, asEditOf(hash, text, previousHash, previous));
        }
        return hash;
    }

    private StoredText asEditOf(String hash, String text, String previousHash, String previous) {
        Optional<StoredText> before = texts.find(previousHash);
        Optional<TextChange> edit = TextEdit.between(previous, text);
        if (before.isEmpty() || edit.isEmpty()) {
            return StoredText.whole(hash, text);
        }
        StoredText stored = before.get();
        List<TextChange> edits = new ArrayList<>(stored.isWhole() ? List.of() : stored.edits());
        edits.add(edit.get());
        String base = stored.isWhole() ? previousHash : stored.base();
        long edited = edits.stream().mapToLong(e -> e.removed().length() + e.inserted().length()).sum();
        if (edits.size() > MOST_EDITS || edited * 4 > text.length() || base.equals(hash)) {
            return StoredText.whole(hash, text);
        }
        return StoredText.edited(hash, base, edits);
    }

    /** Whether a text is stored under {@code hash}, or held back to be in this unit of work. */
    public boolean holds(String hash) {
        return texts.contains(hash);
    }

    /** The text stored under {@code hash}. */
    public String get(String hash) {
        return find(hash).orElseThrow(() -> missing(hash));
    }

    /** The text stored under {@code hash}, if it is. */
    public Optional<String> find(String hash) {
        return texts.find(hash).map(stored -> {
            if (stored.isWhole()) {
                return stored.text();
            }
            StoredText base = texts.find(stored.base()).filter(StoredText::isWhole)
                    .orElseThrow(() -> missing(stored.base()));
            String text = base.text();
            for (TextChange edit : stored.edits()) {
                text = edit.applyTo(text);
            }
            return text;
        });
    }

    private IllegalStateException missing(String hash) {
        return new IllegalStateException("text " + hash + " is missing from " + texts.name() + "; rebuild the projections");
    }
}
