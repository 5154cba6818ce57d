package org.palimpsest.annotations.anchoring;

import java.util.List;
import org.palimpsest.archive.fix.TextChange;

/**
 * How a document's text got from the revision an annotation was made on to the revision it is shown on: either the
 * exact edits in between (accepted and reverted fixes, each an offset mapping), or nothing exact to go by because a
 * re-import replaced the text wholesale (or the caller has no history at hand).
 */
public sealed interface RevisionPath {

    /** The same revision: nothing changed. */
    static RevisionPath unchanged() {
        return new Edits(List.of());
    }

    /** The exact edits after the annotation's revision, oldest first. */
    static RevisionPath through(List<TextChange> changes) {
        return new Edits(changes);
    }

    /** No offset mapping exists; only the quote, its context and the old position can place the annotation. */
    static RevisionPath unmapped() {
        return new Unmapped();
    }

    /** The exact edits, oldest first; empty when the annotation's revision is the current one. */
    record Edits(List<TextChange> changes) implements RevisionPath {

        public Edits {
            changes = List.copyOf(changes);
        }
    }

    /** A re-import (or unknown history) lies between the revisions. */
    record Unmapped() implements RevisionPath {
    }
}
