package org.palimpsest.archive.extraction;

import org.jspecify.annotations.Nullable;

/**
 * One block of a document.
 *
 * @param id       stable within a text: a kind prefix and the ordinal among segments of that kind ({@code p3},
 *                 {@code h1}, {@code li12}), so small corrections elsewhere do not renumber it
 * @param span     the whole block, markup included
 * @param content  the block without its markup (heading hashes, list bullets, quote markers, fences)
 * @param level    heading level, list nesting depth or quote depth; null where it means nothing
 * @param language BCP 47 tag from the block's own scripts, or null when it has too few letters to tell
 * @param chrome   true for boilerplate, whatever its kind
 */
public record Segment(
        String id,
        SegmentKind kind,
        Span span,
        Span content,
        @Nullable Integer level,
        @Nullable String language,
        boolean chrome) {
}
