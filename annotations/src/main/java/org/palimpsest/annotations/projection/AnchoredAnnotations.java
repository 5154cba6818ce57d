package org.palimpsest.annotations.projection;

/**
 * The live annotations of a document (neither deleted nor hidden), each placed in {@code current}, with the live
 * replies of its thread. What the reading view shows beside the text.
 */
public record AnchoredAnnotations(String documentId, CurrentText current) {

    /** Anchored to {@code currentText}, taken to be the latest revision this projection has seen. */
    public AnchoredAnnotations(String documentId, String currentText) {
        this(documentId, CurrentText.latest(currentText));
    }
}
