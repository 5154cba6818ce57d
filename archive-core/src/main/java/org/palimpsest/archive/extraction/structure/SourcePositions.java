package org.palimpsest.archive.extraction.structure;

import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.jspecify.annotations.Nullable;

/**
 * Turns commonmark source spans (line, column, input index) into UTF-16 ranges of the parsed string, with
 * surrounding whitespace trimmed so that a block's range starts and ends on visible characters.
 */
final class SourcePositions {

    private final String text;

    SourcePositions(String text) {
        this.text = text;
    }

    /** The node's whole source, first line to last, or null for nodes without spans (soft breaks). */
    @Nullable CharRange range(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        return trim(first.getInputIndex(), last.getInputIndex() + last.getLength());
    }

    CharRange line(SourceSpan span) {
        return trim(span.getInputIndex(), span.getInputIndex() + span.getLength());
    }

    /**
     * Where the quote markers in front of {@code node} begin on source line {@code lineIndex}: the {@code >}
     * chain of its enclosing block quotes, stopping at a list item (whose bullet is the item's markup, not the
     * quote's). Falls back to {@code fallback} on lazy continuation lines, which carry no marker.
     */
    int quoteMarkerStart(Node node, int lineIndex, int fallback) {
        int start = fallback;
        for (Node ancestor = node.getParent(); ancestor != null && !(ancestor instanceof ListItem)
                && !(ancestor instanceof Document); ancestor = ancestor.getParent()) {
            if (ancestor instanceof BlockQuote) {
                for (SourceSpan span : ancestor.getSourceSpans()) {
                    if (span.getLineIndex() == lineIndex) {
                        start = Math.min(start, skipWhitespace(span.getInputIndex(), fallback));
                    }
                }
            }
        }
        return start;
    }

    CharRange trim(int start, int end) {
        int s = skipWhitespace(start, end);
        int e = end;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new CharRange(s, e);
    }

    private int skipWhitespace(int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
