package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.FrontMatterException;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.PartAnalysis;
import org.palimpsest.archive.extraction.Parts;
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
        Block frontMatter = frontMatter(indexed);
        String markdown = frontMatter == null ? normalizedText : blankOut(normalizedText, frontMatter.range().end());
        return join(indexed, frontMatter, List.of(BlockGroup.of(PARSER.parse(markdown), markdown, normalizedText)));
    }

    /**
     * The same structure as {@link #analyze(String)}, read group of top-level blocks by group, each group taken from
     * {@code parts} by its text: a text that changed in one paragraph is parsed again in that paragraph only. The
     * groups are cut where CommonMark has nothing open ({@link TopLevelGroups}), so each reads alone as it reads in
     * the whole text; what spans groups (chrome runs, segment ids, footnote markers) is decided on the joined blocks.
     */
    public static DocumentStructure analyze(String normalizedText, Parts parts) {
        IndexedText indexed = new IndexedText(normalizedText);
        Block frontMatter = frontMatter(indexed);
        int frontMatterEnd = frontMatter == null ? 0 : frontMatter.range().end();
        String markdown = frontMatter == null ? normalizedText : blankOut(normalizedText, frontMatterEnd);
        List<BlockGroup> groups = new ArrayList<>();
        for (TopLevelGroups.Group group : TopLevelGroups.of(markdown, stretch -> frontMatterEnd > stretch.start()
                // Over front matter the text and what CommonMark reads differ, so the group is read from both.
                ? readGroup(markdown.substring(stretch.start(), stretch.end()),
                        normalizedText.substring(stretch.start(), stretch.end()))
                : parts.of(GROUP, markdown.substring(stretch.start(), stretch.end())))) {
            groups.add(group.read().movedBy(group.start()));
        }
        return join(indexed, frontMatter, groups);
    }

    /** A group of whole top-level blocks, read alone; as a part, its text is both what is parsed and what is read. */
    private static final PartAnalysis<BlockGroup> GROUP = new PartAnalysis<>() {
        @Override
        public String name() {
            return "structure of a block group";
        }

        @Override
        public BlockGroup analyse(String part) {
            return readGroup(part, part);
        }
    };

    private static BlockGroup readGroup(String markdown, String text) {
        return BlockGroup.of(PARSER.parse(markdown), markdown, text);
    }

    /** The document's structure from its front matter and its groups of blocks, moved to where they stand. */
    private static DocumentStructure join(IndexedText indexed, @Nullable Block frontMatter, List<BlockGroup> groups) {
        String text = indexed.text();
        List<Block> blocks = new ArrayList<>();
        List<@Nullable String> languages = new ArrayList<>();
        if (frontMatter != null) {
            blocks.add(frontMatter);
            languages.add(language(frontMatter.contentText(text)));
        }
        List<LinkFinder.Found> links = new ArrayList<>();
        List<CharRange> inlineCode = new ArrayList<>();
        List<CharRange> codeBlocks = new ArrayList<>();
        for (BlockGroup group : groups) {
            blocks.addAll(group.blocks());
            languages.addAll(group.languages());
            links.addAll(group.links());
            inlineCode.addAll(group.inlineCode());
            codeBlocks.addAll(group.codeBlocks());
        }
        blocks = ChromeRules.applyRunRules(blocks, text, links.stream().map(LinkFinder.Found::range).toList());
        List<Segment> segments = number(blocks, languages, indexed);
        return new DocumentStructure(
                segments,
                links.stream().map(link -> link.toInlineLink(indexed)).toList(),
                FootnoteRefFinder.find(indexed, segments, LiteralText.of(inlineCode, codeBlocks)));
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

    /** @param languages the language of each block's content, in order */
    private static List<Segment> number(List<Block> blocks, List<@Nullable String> languages, IndexedText indexed) {
        Map<SegmentKind, Integer> ordinals = new EnumMap<>(SegmentKind.class);
        List<Segment> segments = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            int ordinal = ordinals.merge(block.kind(), 1, Integer::sum);
            segments.add(new Segment(
                    idPrefix(block.kind()) + ordinal,
                    block.kind(),
                    indexed.span(block.range().start(), block.range().end()),
                    indexed.span(block.content().start(), block.content().end()),
                    block.level(),
                    languages.get(i),
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

    static @Nullable String language(String content) {
        long letters = content.codePoints().filter(Character::isLetter).count();
        return letters < MIN_LANGUAGE_LETTERS ? null : ScriptLanguage.detect(content).orElse(null);
    }
}
