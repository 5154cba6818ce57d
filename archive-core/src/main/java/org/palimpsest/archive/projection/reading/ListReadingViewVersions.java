package org.palimpsest.archive.projection.reading;

/** Every version of a document's reading view, with when it became current: a Memento TimeMap's content. */
public record ListReadingViewVersions(String documentId) {
}
