package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.FrontMatterException;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.ScriptLanguage;
import org.palimpsest.archive.extraction.Segment;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Cuts a normalized document text into segments, and finds its links and footnote markers.
 *
 * <p>The text is read as CommonMark (with footnotes and GFM tables) because that is what most sources are or
 * nearly are, then corrected for what scraped text does to CommonMark: paragraphs without blank lines are
 * split into lines ({@link LineSplitter}), bullets CommonMark does not know become list items, a lone
 * {@code -} under a paragraph is not a setext underline, and boilerplate is flagged ({@link ChromeRules}).
 *
 * <p>Ids are a kind prefix and the ordinal among segments of that kind ({@code p3}, {@code li12}), so an
 * edit inside one segment renumbers nothing else unless it changes how many segments of a kind precede.
 * All offsets are code points of the given text.
 */
public final class StructureAnalyzer {

    /** Commonmark parsers are immutable and safe to share between threads. */
    private static final Parser PARSER = MarkdownParser.create();

    /** Fewer letters than this say nothing reliable about a language. */
    private static final int MIN_LANGUAGE_LETTERS = 5;

    private static final String FRONT_MATTER_FENCE = "---\n";

    private StructureAnalyzer() {
    }

    /** @param normalizedText NFC text with LF line ends, as {@code DocumentText.normalize} makes it */
    public static DocumentStructure analyze(String normalizedText) {
        IndexedText indexed = new IndexedText(normalizedText);
        List<Block> blocks = new ArrayList<>();
        String markdown = normalizedText;
        Block frontMatter = frontMatter(indexed);
        if (frontMatter != null) {
            blocks.add(frontMatter);
            markdown = blankOut(normalizedText, frontMatter.range().end());
        }
        Node document = PARSER.parse(markdown);
        SourcePositions positions = new SourcePositions(markdown);
        LiteralText literal = LiteralText.of(document, positions);
        blocks.addAll(BlockCollector.collect(document, markdown));
        List<LinkFinder.Found> links = LinkFinder.find(document, normalizedText, positions, literal);
        blocks = ChromeRules.apply(blocks, normalizedText, links.stream().map(LinkFinder.Found::range).toList());
        List<Segment> segments = number(blocks, indexed);
        return new DocumentStructure(
                segments,
                links.stream().map(link -> link.toInlineLink(indexed)).toList(),
                FootnoteRefFinder.find(indexed, segments, literal));
    }

    /**
     * The front matter block, or null when there is none or it cannot be read: unreadable front matter is
     * left to CommonMark as ordinary text, so nothing of the document is lost.
     */
    private static @Nullable Block frontMatter(IndexedText indexed) {
        String text = indexed.text();
        Optional<FrontMatter> parsed;
        try {
            parsed = FrontMatter.parse(text);
        } catch (FrontMatterException e) {
            return null;
        }
        if (parsed.isEmpty()) {
            return null;
        }
        int end = indexed.charIndex(parsed.get().bodyStart());
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        int closingFence = text.lastIndexOf('\n', end - 1) + 1;
        int contentStart = Math.min(FRONT_MATTER_FENCE.length(), closingFence);
        int contentEnd = Math.max(contentStart, closingFence - 1);
        return Block.of(SegmentKind.FRONT_MATTER, new CharRange(0, end), new CharRange(contentStart, contentEnd),
                null, -1);
    }

    /** The text with everything before {@code end} turned to spaces, lines kept, so offsets stay valid. */
    private static String blankOut(String text, int end) {
        StringBuilder blanked = new StringBuilder(text);
        for (int i = 0; i < end; i++) {
            if (blanked.charAt(i) != '\n') {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }

    private static List<Segment> number(List<Block> blocks, IndexedText indexed) {
        Map<SegmentKind, Integer> ordinals = new EnumMap<>(SegmentKind.class);
        List<Segment> segments = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            int ordinal = ordinals.merge(block.kind(), 1, Integer::sum);
            String content = block.contentText(indexed.text());
            segments.add(new Segment(
                    idPrefix(block.kind()) + ordinal,
                    block.kind(),
                    indexed.span(block.range().start(), block.range().end()),
                    indexed.span(block.content().start(), block.content().end()),
                    block.level(),
                    language(content),
                    block.chrome()));
        }
        return segments;
    }

    static String idPrefix(SegmentKind kind) {
        return switch (kind) {
            case FRONT_MATTER -> "fm";
            case HEADING -> "h";
            case PARAGRAPH -> "p";
            case LIST_ITEM -> "li";
            case BLOCK_QUOTE -> "q";
            case CODE_BLOCK -> "code";
            case IMAGE -> "img";
            case TABLE -> "tbl";
            case THEMATIC_BREAK -> "hr";
            case FOOTNOTE -> "fn";
            case CHROME -> "chrome";
        };
    }

    private static @Nullable String language(String content) {
        long letters = content.codePoints().filter(Character::isLetter).count();
        return letters < MIN_LANGUAGE_LETTERS ? null : ScriptLanguage.detect(content).orElse(null);
    }
}
