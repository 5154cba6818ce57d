package org.palimpsest.archive.extraction.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Cuts one CommonMark paragraph into the blocks a reader sees.
 *
 * <p>Scraped newsletters and social posts have no blank lines, so CommonMark's lazy continuation glues
 * headlines, sentences, separator lines and footers into one paragraph. The rule, in two parts:
 * <ol>
 *   <li>Some lines always stand alone: lines starting with a bullet CommonMark does not know ({@code •},
 *       {@code ・}, …; they become list items, nested by indentation), lines that are only an image, and
 *       chrome lines (separators, buttons, footers). A line ending in a {@code " |"} separator ends its block.
 *   <li>The remaining lines are <em>line-oriented</em> when, of the places where one such line follows
 *       another, at least {@value #LINE_ORIENTED_SHARE} end a unit ({@link LineShape#endsUnit}: a sentence
 *       end, a closing quote, an emoji, a Markdown hard line break, or a short line). Then every line is its own segment, except that a
 *       line starting in lower case continues the one before (unless a hard line break ends the one before). Otherwise the lines are wrapped prose and stay
 *       one segment. Hard-wrapped e-mail prose rarely ends a line with a full stop, so it is kept together;
 *       a feed of one sentence or headline per line is taken apart.
 * </ol>
 * The first line keeps the container's kind (a list item's first line is the item); later lines are
 * paragraphs, or quote paragraphs inside a quote.
 */
final class LineSplitter {

    static final double LINE_ORIENTED_SHARE = 0.6;

    /**
     * One source line of a paragraph.
     *
     * @param range     the line from its own markup (a quote's {@code >}, a list item's bullet) to its last
     *                  visible character
     * @param textStart where the text proper begins
     * @param imageAlt  for a line that is nothing but an image, the image's alt text; null otherwise
     */
    record Line(CharRange range, int textStart, @Nullable CharRange imageAlt) {
    }

    /**
     * What the paragraph sits in.
     *
     * @param firstKind  kind of the first line's block (LIST_ITEM for an item's own paragraph)
     * @param restKind   kind of blocks split off after it
     * @param listDepth  how many lists enclose the paragraph; bullets inside it nest below that
     */
    record Container(SegmentKind firstKind, @Nullable Integer firstLevel, SegmentKind restKind,
                     @Nullable Integer restLevel, int listStart, int listDepth) {
    }

    private final String text;
    private final List<Line> lines;
    private final Container container;
    private final String[] body;
    private final int[] bullet;
    private final boolean[] alone;
    private final boolean[] endsBlock;
    private final boolean[] hardBreak;

    private LineSplitter(String text, List<Line> lines, Container container) {
        this.text = text;
        this.lines = lines;
        this.container = container;
        int n = lines.size();
        body = new String[n];
        bullet = new int[n];
        alone = new boolean[n];
        endsBlock = new boolean[n];
        hardBreak = new boolean[n];
        for (int i = 0; i < n; i++) {
            AnalysisBudget.checkpoint();
            Line line = lines.get(i);
            body[i] = text.substring(line.textStart(), line.range().end());
            boolean itemLine = i == 0 && container.firstKind() == SegmentKind.LIST_ITEM;
            bullet[i] = itemLine ? -1 : LineShape.bulletLength(body[i]);
            alone[i] = line.imageAlt() != null || ChromeRules.isChromeLine(body[i]);
            endsBlock[i] = alone[i] || ChromeRules.trailingSeparatorStart(body[i]) < body[i].length();
            hardBreak[i] = endsWithHardBreak(line.range().end());
        }
    }

    static List<Block> split(String text, List<Line> lines, Container container) {
        return new LineSplitter(text, lines, container).blocks();
    }

    private List<Block> blocks() {
        boolean lineOriented = isLineOriented();
        List<Block> blocks = new ArrayList<>();
        Deque<Integer> bulletIndents = new ArrayDeque<>();
        int bulletRunStart = -1;
        int groupStart = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i < lines.size() && !startsBlock(i, lineOriented)) {
                continue;
            }
            if (bullet[groupStart] >= 0) {
                if (bulletRunStart < 0) {
                    bulletRunStart = lines.get(groupStart).textStart();
                    bulletIndents.clear();
                }
                blocks.add(bulletItem(groupStart, i - 1, bulletIndents, bulletRunStart));
            } else {
                bulletRunStart = -1;
                blocks.add(plain(groupStart, i - 1));
            }
            groupStart = i;
        }
        return blocks;
    }

    private boolean startsBlock(int i, boolean lineOriented) {
        return bullet[i] >= 0 || alone[i] || endsBlock[i - 1]
                || (lineOriented && (hardBreak[i - 1] || !LineShape.startsLowerCase(body[i])));
    }

    private boolean isLineOriented() {
        int joints = 0;
        int breaks = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (bullet[i] >= 0 || alone[i] || bullet[i - 1] >= 0 || alone[i - 1]) {
                continue;
            }
            joints++;
            if (endsBlock[i - 1] || hardBreak[i - 1] || LineShape.endsUnit(body[i - 1], body[i])) {
                breaks++;
            }
        }
        return joints > 0 && breaks >= LINE_ORIENTED_SHARE * joints;
    }

    private Block plain(int first, int last) {
        Line line = lines.get(first);
        CharRange range = new CharRange(line.range().start(), lines.get(last).range().end());
        if (first == last && line.imageAlt() != null && container.restKind() == SegmentKind.PARAGRAPH
                && (first > 0 || container.firstKind() == SegmentKind.PARAGRAPH)) {
            return Block.of(SegmentKind.IMAGE, range, line.imageAlt(), null, container.listStart());
        }
        SegmentKind kind = first == 0 ? container.firstKind() : container.restKind();
        Integer level = first == 0 ? container.firstLevel() : container.restLevel();
        return Block.of(kind, range, new CharRange(line.textStart(), contentEnd(last)), level,
                container.listStart());
    }

    private Block bulletItem(int first, int last, Deque<Integer> indents, int runStart) {
        Line line = lines.get(first);
        int indent = column(line.textStart());
        while (!indents.isEmpty() && indent < indents.peek()) {
            indents.pop();
        }
        if (indents.isEmpty() || indent > indents.peek()) {
            indents.push(indent);
        }
        CharRange range = new CharRange(line.range().start(), lines.get(last).range().end());
        CharRange content = new CharRange(line.textStart() + bullet[first], contentEnd(last));
        return Block.of(SegmentKind.LIST_ITEM, range, content, container.listDepth() + indents.size(), runStart);
    }

    /** End of the line's text without a trailing {@code " |"} separator or backslash line break. */
    private int contentEnd(int lineIndex) {
        Line line = lines.get(lineIndex);
        int end = line.textStart() + ChromeRules.trailingSeparatorStart(body[lineIndex]);
        boolean backslashBreak = lineIndex < lines.size() - 1 && end > line.textStart()
                && text.charAt(end - 1) == '\\';
        if (backslashBreak) {
            end--;
        }
        while (end > line.textStart() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * A Markdown hard line break (two trailing spaces or a backslash): the author asked for this line to
     * stand apart, which counts as ending a unit.
     */
    private boolean endsWithHardBreak(int lineEnd) {
        if (lineEnd > 0 && text.charAt(lineEnd - 1) == '\\') {
            return true;
        }
        int newline = text.indexOf('\n', lineEnd);
        return newline >= 0 && text.substring(lineEnd, newline).startsWith("  ");
    }

    private int column(int index) {
        return index - (text.lastIndexOf('\n', index - 1) + 1);
    }
}
