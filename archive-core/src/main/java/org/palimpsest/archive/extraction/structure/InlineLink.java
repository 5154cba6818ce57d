package org.palimpsest.archive.extraction.structure;

import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.Span;

/**
 * A link or image in the text: Markdown {@code [label](url)} and {@code ![alt](url)}, autolinks
 * {@code <https://…>}, and bare URLs written into the prose.
 *
 * @param span  the whole link as written: brackets and destination for Markdown links, the URL alone for bare
 *              ones (without sentence punctuation that follows it)
 * @param url   the destination as written, Markdown escapes resolved
 * @param label the link text or image alt text; null for autolinks, bare URLs and empty labels
 * @param image true for {@code ![alt](url)}
 */
public record InlineLink(Span span, String url, @Nullable String label, boolean image) {
}
