package org.palimpsest.archive.projection.reading;

import java.util.List;

/** A page of a document listing, in the archive's list shape. */
public record ReadingViewPage(List<ReadingViewSummary> items, int page, int size, long total) {
}
