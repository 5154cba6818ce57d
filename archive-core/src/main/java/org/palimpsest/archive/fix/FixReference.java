package org.palimpsest.archive.fix;

import org.jspecify.annotations.Nullable;

/** Evidence for a fix, typically the sentence in the original language. */
public record FixReference(String text, @Nullable String language) {
}
