package org.palimpsest.archive.projection.reading;

/** The text of one revision of a document. */
public record FindRevision(String documentId, long revision) {
}
