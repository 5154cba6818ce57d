package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Walks the commonmark tree and emits one {@link Block} per leaf block, in document order.
 *
 * <p>Containers are not segments of their own: a list item is its bullet plus its first paragraph (nested
 * lists and further paragraphs follow as their own blocks); a block quote yields one BLOCK_QUOTE block per
 * paragraph inside it, its level the quote depth, its span starting at the outermost {@code >} of the quote
 * (headings, lists and code inside a quote keep their own kinds). A footnote definition is one block with its
 * whole body. Paragraphs go through the {@link LineSplitter}.
 */
final class BlockCollector {

    private record Context(int quoteDepth, int listDepth, int listStart) {

        Context quoted() {
            return new Context(quoteDepth + 1, listDepth, listStart);
        }

        Context inList(int start) {
            return new Context(quoteDepth, listDepth + 1, listStart < 0 ? start : listStart);
        }

        SegmentKind textKind() {
            return quoteDepth > 0 ? SegmentKind.BLOCK_QUOTE : SegmentKind.PARAGRAPH;
        }

        @Nullable Integer textLevel() {
            return quoteDepth > 0 ? quoteDepth : null;
        }
    }

    private final String text;
    private final SourcePositions positions;
    private final List<Block> blocks = new ArrayList<>();

    private BlockCollector(String text) {
        this.text = text;
        this.positions = new SourcePositions(text);
    }

    static List<Block> collect(Node document, String text) {
        BlockCollector collector = new BlockCollector(text);
        collector.children(document, new Context(0, 0, -1));
        return collector.blocks;
    }

    private void children(Node parent, Context context) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child, context);
        }
    }

    private void block(Node node, Context context) {
        AnalysisBudget.checkpoint();
        if (node instanceof BlockQuote) {
            children(node, context.quoted());
        } else if (node instanceof ListBlock) {
            CharRange range = positions.range(node);
            children(node, context.inList(range == null ? -1 : range.start()));
        } else if (node instanceof ListItem item) {
            listItem(item, context);
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph, paragraph.getSourceSpans(), context, null);
        } else if (node instanceof Heading heading) {
            heading(heading, context);
        } else if (node instanceof FencedCodeBlock fenced) {
            fenced(fenced);
        } else if (node instanceof IndentedCodeBlock indented) {
            indented(indented, context);
        } else if (node instanceof ThematicBreak) {
            whole(node, SegmentKind.THEMATIC_BREAK, null, context, true);
        } else if (node instanceof TableBlock) {
            whole(node, SegmentKind.TABLE, null, context, false);
        } else if (node instanceof FootnoteDefinition definition) {
            footnote(definition, context);
        } else {
            // HTML blocks, link reference definitions, extension blocks: kept whole as running text.
            whole(node, context.textKind(), context.textLevel(), context, false);
        }
    }

    private void listItem(ListItem item, Context context) {
        Node first = item.getFirstChild();
        if (first instanceof Paragraph paragraph) {
            paragraph(paragraph, paragraph.getSourceSpans(), context, item);
            for (Node child = first.getNext(); child != null; child = child.getNext()) {
                block(child, context);
            }
        } else if (first == null) {
            CharRange range = positions.range(item);
            if (range != null) {
                blocks.add(Block.of(SegmentKind.LIST_ITEM, range, new CharRange(range.end(), range.end()),
                        context.listDepth(), context.listStart()));
            }
        } else {
            // An item opening with a heading or code keeps that block's kind; the bullet is not a segment.
            children(item, context);
        }
    }

    /**
     * @param spans the paragraph's source spans, one per line (commonmark leaves blank lines out)
     * @param item  the list item whose own paragraph this is, or null
     */
    private void paragraph(Node paragraph, List<SourceSpan> spans, Context context, @Nullable ListItem item) {
        if (spans.isEmpty()) {
            return;
        }
        Images images = new Images(imageOnlyCandidates(paragraph));
        BlockQuote outermostQuote = context.quoteDepth() > 0 ? positions.outermostQuote(paragraph) : null;
        List<LineSplitter.Line> lines = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            SourceSpan span = spans.get(i);
            CharRange line = positions.line(span);
            if (line.isEmpty()) {
                continue;
            }
            int start = line.start();
            if (i == 0 && item != null) {
                CharRange itemRange = positions.range(item);
                start = itemRange == null ? start : Math.min(start, itemRange.start());
            } else if (context.quoteDepth() > 0) {
                start = positions.quoteMarkerStart(outermostQuote, span.getLineIndex(), start);
            }
            lines.add(new LineSplitter.Line(new CharRange(start, line.end()), line.start(),
                    imageAlt(line, images)));
        }
        if (lines.isEmpty()) {
            return;
        }
        LineSplitter.Container container = item != null
                ? new LineSplitter.Container(SegmentKind.LIST_ITEM, context.listDepth(), context.textKind(),
                        context.textLevel(), context.listStart(), context.listDepth())
                : new LineSplitter.Container(context.textKind(), context.textLevel(), context.textKind(),
                        context.textLevel(), context.listStart(), context.listDepth());
        blocks.addAll(LineSplitter.split(text, lines, container));
    }

    /**
     * ATX headings as they are. A setext heading is accepted only when its text is one line and its underline
     * at least two characters: scraped text without blank lines otherwise turns whole paragraphs into
     * "headings" above a lone {@code -} that was an empty bullet. Rejected ones become paragraph lines plus
     * the underline, which is a thematic break when three or more of {@code -}, else a separator line.
     */
    private void heading(Heading heading, Context context) {
        List<SourceSpan> spans = heading.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        CharRange firstLine = positions.line(spans.get(0));
        if (spans.size() == 1) {
            blocks.add(Block.of(SegmentKind.HEADING, firstLine, atxContent(firstLine), heading.getLevel(), -1));
            return;
        }
        CharRange underline = positions.line(spans.get(spans.size() - 1));
        List<SourceSpan> textSpans = spans.subList(0, spans.size() - 1);
        if (textSpans.size() == 1 && underline.end() - underline.start() >= 2) {
            blocks.add(Block.of(SegmentKind.HEADING, new CharRange(firstLine.start(), underline.end()), firstLine,
                    heading.getLevel(), -1));
            return;
        }
        paragraph(heading, textSpans, context, null);
        boolean rule = underline.end() - underline.start() >= 3 && text.charAt(underline.start()) == '-';
        blocks.add(Block.of(rule ? SegmentKind.THEMATIC_BREAK : context.textKind(), underline,
                rule ? new CharRange(underline.start(), underline.start()) : underline,
                rule ? null : context.textLevel(), -1));
    }

    /** The heading text without the opening hashes and an optional closing sequence. */
    private CharRange atxContent(CharRange line) {
        int start = line.start();
        while (start < line.end() && text.charAt(start) == '#') {
            start++;
        }
        CharRange rest = positions.trim(start, line.end());
        int end = rest.end();
        int hashes = end;
        while (hashes > rest.start() && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < end && (hashes == rest.start() || Character.isWhitespace(text.charAt(hashes - 1)))) {
            end = hashes;
        }
        return positions.trim(rest.start(), end);
    }

    /** A fenced block runs from fence to fence, or to the end of its container when never closed. */
    private void fenced(FencedCodeBlock code) {
        List<SourceSpan> spans = code.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        CharRange range = positions.range(code);
        boolean closed = code.getClosingFenceLength() != null && spans.size() >= 2;
        int lastContent = closed ? spans.size() - 2 : spans.size() - 1;
        int contentEnd = lastContent >= 1
                ? trimEnd(spans.get(lastContent).getInputIndex() + spans.get(lastContent).getLength()) : -1;
        CharRange content;
        if (lastContent >= 1 && contentEnd >= spans.get(1).getInputIndex()) {
            content = new CharRange(spans.get(1).getInputIndex(), contentEnd);
        } else {
            // No content lines, or blank ones that trim to before their own start (which once threw): empty content.
            int at = closed ? positions.line(spans.get(spans.size() - 1)).start() : range.end();
            content = new CharRange(at, at);
        }
        blocks.add(Block.of(SegmentKind.CODE_BLOCK, range, content, null, -1));
    }

    /**
     * Indented code, unless every line starts with a bullet CommonMark does not know: a scraped list indented
     * by four spaces is a list, not code.
     */
    private void indented(IndentedCodeBlock code, Context context) {
        List<SourceSpan> spans = code.getSourceSpans();
        boolean bulletsOnly = !spans.isEmpty() && spans.stream()
                .allMatch(s -> LineShape.bulletLength(text.substring(s.getInputIndex(),
                        s.getInputIndex() + s.getLength())) >= 0);
        if (bulletsOnly) {
            paragraph(code, spans, context, null);
            return;
        }
        CharRange range = positions.range(code);
        if (range != null) {
            blocks.add(Block.of(SegmentKind.CODE_BLOCK, range, range, null, -1));
        }
    }

    private void footnote(FootnoteDefinition definition, Context context) {
        CharRange range = positions.range(definition);
        if (range == null) {
            return;
        }
        int labelEnd = text.indexOf("]:", range.start());
        int contentStart = labelEnd < 0 || labelEnd >= range.end() ? range.start() : labelEnd + 2;
        CharRange content = positions.trim(contentStart, range.end());
        blocks.add(Block.of(SegmentKind.FOOTNOTE, range, content, null, context.listStart()));
    }

    private void whole(Node node, SegmentKind kind, @Nullable Integer level, Context context, boolean emptyContent) {
        CharRange range = positions.range(node);
        if (range == null || range.isEmpty()) {
            return;
        }
        CharRange content = emptyContent ? new CharRange(range.start(), range.start()) : range;
        blocks.add(Block.of(kind, range, content, level, context.listStart()));
    }

    private int trimEnd(int end) {
        int e = end;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /**
     * Images in the paragraph, and links whose only content is an image (a linked thumbnail), as ranges; a
     * line covered by these alone is an image line.
     */
    private List<CharRange> imageOnlyCandidates(Node paragraph) {
        List<CharRange> found = new ArrayList<>();
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                CharRange range = positions.range(image);
                if (range != null) {
                    found.add(range);
                }
            }

            @Override
            public void visit(Link link) {
                Node only = link.getFirstChild();
                if (only instanceof Image && only.getNext() == null) {
                    CharRange range = positions.range(link);
                    if (range != null) {
                        found.add(range);
                    }
                }
                visitChildren(link);
            }
        });
        return found;
    }

    /**
     * The alt text of the single image that makes up {@code line}, an empty range after {@code ![} when it
     * has none, the whole line when several images share it; null when the line has other text.
     */
    private @Nullable CharRange imageAlt(CharRange line, Images images) {
        List<CharRange> onLine = images.overlapping(line);
        if (onLine.isEmpty()) {
            return null;
        }
        // Every visible character of the line must lie in one of them: one sweep over the ranges by start.
        int covered = line.start();
        for (CharRange r : onLine) {
            if (r.start() > covered && !blank(covered, Math.min(r.start(), line.end()))) {
                return null;
            }
            covered = Math.max(covered, r.end());
        }
        if (covered < line.end() && !blank(covered, line.end())) {
            return null;
        }
        List<CharRange> pictures = onLine.stream().filter(r -> text.startsWith("![", r.start())).toList();
        if (pictures.size() != 1) {
            return line;
        }
        CharRange image = pictures.get(0);
        int altStart = image.start() + 2;
        int altEnd = text.lastIndexOf("](", image.end() - 2);
        return altEnd < altStart ? new CharRange(altStart, altStart) : new CharRange(altStart, altEnd);
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The image (and image-only link) ranges of one paragraph, sorted by start with the furthest end reached so
     * far, so that each line finds those overlapping it by binary search instead of testing all of them: a
     * paragraph of thousands of image lines was quadratic.
     */
    private static final class Images {

        private final List<CharRange> sorted;
        private final int[] furthestEnd;

        Images(List<CharRange> ranges) {
            sorted = new ArrayList<>(ranges);
            sorted.sort(java.util.Comparator.comparingInt(CharRange::start));
            furthestEnd = new int[sorted.size()];
            int max = Integer.MIN_VALUE;
            for (int k = 0; k < sorted.size(); k++) {
                max = Math.max(max, sorted.get(k).end());
                furthestEnd[k] = max;
            }
        }

        /** The ranges overlapping {@code line}, by start. */
        List<CharRange> overlapping(CharRange line) {
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).start() < line.end()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            // Ranges [0, lo) start before the line ends; walk back while one of them may still reach into it.
            java.util.ArrayDeque<CharRange> found = new java.util.ArrayDeque<>();
            for (int k = lo - 1; k >= 0 && furthestEnd[k] > line.start(); k--) {
                if (sorted.get(k).end() > line.start()) {
                    found.addFirst(sorted.get(k));
                }
            }
            return List.copyOf(found);
        }
    }
}
