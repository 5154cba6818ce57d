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
     * The outermost block quote around {@code node} whose markers stand in front of its lines: the last one met
     * going up before a list item (whose bullet is the item's markup, not the quote's) or the document; null when
     * there is none. Found once per paragraph, so a paragraph nested hundreds of quotes deep is walked up once, not
     * once per line.
     */
    @Nullable BlockQuote outermostQuote(Node node) {
        BlockQuote outermost = null;
        for (Node ancestor = node.getParent(); ancestor != null && !(ancestor instanceof ListItem)
                && !(ancestor instanceof Document); ancestor = ancestor.getParent()) {
            if (ancestor instanceof BlockQuote quote) {
                outermost = quote;
            }
        }
        return outermost;
    }

    /**
     * Where the quote markers in front of a paragraph begin on source line {@code lineIndex}: the start of the
     * {@code >} chain of {@code outermost} (see {@link #outermostQuote}). Falls back to {@code fallback} on lines
     * where it has no source, which carry no marker. Only the outermost quote is looked at because commonmark gives
     * every open block a span on each line, so an inner quote has one on a line only if the outer one does, and the
     * outer one's starts further left; its span of the line is found by binary search over its lines.
     */
    int quoteMarkerStart(@Nullable BlockQuote outermost, int lineIndex, int fallback) {
        if (outermost == null) {
            return fallback;
        }
        List<SourceSpan> spans = outermost.getSourceSpans();
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).getLineIndex() < lineIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int start = fallback;
        for (int k = lo; k < spans.size() && spans.get(k).getLineIndex() == lineIndex; k++) {
            start = Math.min(start, skipWhitespace(spans.get(k).getInputIndex(), fallback));
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
