package org.palimpsest.archive.fix;

import org.jspecify.annotations.Nullable;

/**
 * The text a fix replaces, W3C-selector style: the exact quote, optional context around it, optional
 * code-point position, and the text revision all of these refer to.
 */
public record FixTarget(
        String exact,
        @Nullable String prefix,
        @Nullable String suffix,
        @Nullable Integer start,
        @Nullable Integer end,
        @Nullable Long revision) {
}
