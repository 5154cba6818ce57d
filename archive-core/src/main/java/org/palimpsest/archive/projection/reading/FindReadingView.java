package org.palimpsest.archive.projection.reading;

/** The current reading view of one document. */
public record FindReadingView(String documentId) {
}
