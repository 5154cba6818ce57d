package org.palimpsest.annotations.projection;

import java.util.List;

/**
 * A page of annotations in the archive's list shape; {@code total} counts all pages.
 *
 * @param anchoringBehind the items were anchored to a revision whose edits this projection has not seen yet (so they
 *                        were placed by quote alone); a caller that can wait should ask again
 */
public record AnnotationListing(List<AnnotationView> items, int page, int size, long total, boolean anchoringBehind) {

    public AnnotationListing {
        items = List.copyOf(items);
    }

    public AnnotationListing(List<AnnotationView> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    /** Index of the last page (0 when there are no items). */
    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
