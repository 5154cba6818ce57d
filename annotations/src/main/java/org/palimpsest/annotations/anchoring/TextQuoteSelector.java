package org.palimpsest.annotations.anchoring;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * W3C {@code TextQuoteSelector}: the exact text an annotation refers to, with optional text just before and after it
 * that tells repeated quotes apart and helps find the quote again after the text changed.
 */
public record TextQuoteSelector(String exact, @Nullable String prefix, @Nullable String suffix) {

    public TextQuoteSelector {
        Objects.requireNonNull(exact, "exact");
    }

    public static TextQuoteSelector of(String exact) {
        return new TextQuoteSelector(exact, null, null);
    }

    /** Length of {@code exact} in code points. */
    public int exactLength() {
        return exact.codePointCount(0, exact.length());
    }
}
