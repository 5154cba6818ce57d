package org.palimpsest.annotations.projection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The live annotations of a document (neither deleted nor hidden), each placed in {@code current}, with the live
 * replies of its thread. What the reading view shows beside the text.
 */
public record AnchoredAnnotations(String documentId, CurrentText current, @Nullable Long position, @Nullable Instant time) {

    public AnchoredAnnotations(String documentId, CurrentText current) {
        this(documentId, current, null, null);
    }

    /** Anchored to {@code currentText}, taken to be the latest revision this projection has seen. */
    public AnchoredAnnotations(String documentId, String currentText) {
        this(documentId, CurrentText.latest(currentText));
    }

    /** True when the annotations are wanted as they stood at {@code position} or {@code time}, not now. */
    public boolean historical() {
        return position != null || time != null;
    }
}
