package org.palimpsest.annotations.projection;

import java.util.List;

/**
 * The answer to {@link AnchoredAnnotations}: the live annotations in reading order (by where they now start, orphans
 * last), anchored to revision {@code revision}.
 *
 * @param knownRevision the latest revision of the document this projection has seen; when it is behind the revision
 *                      asked for, the edits in between were not yet projected and those annotations were placed by
 *                      quote alone, so a caller that can wait should ask again
 */
public record AnchoredDocument(String documentId, long revision, long knownRevision,
                               List<AnchoredAnnotation> annotations) {

    public AnchoredDocument {
        annotations = List.copyOf(annotations);
    }

    public boolean behind() {
        return knownRevision < revision;
    }
}
