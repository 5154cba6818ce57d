package org.palimpsest.archive.extraction.structure;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.internal.TableBlockParser;
import org.commonmark.internal.BlockQuoteParser;
import org.commonmark.internal.FencedCodeBlockParser;
import org.commonmark.internal.HeadingParser;
import org.commonmark.internal.HtmlBlockParser;
import org.commonmark.internal.IndentedCodeBlockParser;
import org.commonmark.internal.ListBlockParser;
import org.commonmark.internal.ThematicBreakParser;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockParser;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.jspecify.annotations.Nullable;

/**
 * The CommonMark parser the structure analysis uses: CommonMark with GFM tables and footnotes, and with source
 * spans, made linear in the length of a paragraph.
 *
 * <p>CommonMark offers each line that does not start with a letter to every block start, and two of them, list items
 * and table delimiter rows, ask for the open paragraph's lines, which the parser answers with a fresh copy of all of
 * them. A paragraph of many lines starting with digits, punctuation or quote marks (a dated list without blank lines,
 * a long quoted mail) so cost time quadratic in its length: 256 KB of such lines took 2.5 s, 16 MB would take hours.
 * Here the list start learns only whether a paragraph is open, which is all it uses (as commonmark-java 0.32 does
 * itself; its footnotes extension is not served at that version), and the table start is asked only for a line that
 * can be a delimiter row, which ends the paragraph by starting a table unless its header has more cells than the
 * row. A paragraph alternating such headers and rows stays quadratic; the analysis budget bounds what it can cost.
 *
 * <p>The block starts are CommonMark's own factories in CommonMark's own order (extensions first), so precedence,
 * such as a thematic break over a list item, is unchanged. They live in commonmark's internal packages; the
 * structure tests pin what they parse.
 */
final class MarkdownParser {

    /** More cells than this in one table abort commonmark's parse; our input limits bound a document instead. */
    private static final @Nullable Integer NO_CELL_LIMIT = null;

    private MarkdownParser() {
    }

    static Parser create() {
        Parser.Builder builder = Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .enabledBlockTypes(Set.of())
                .customBlockParserFactory(new TableStart());
        builder.extensions(List.of(FootnotesExtension.create()));
        for (BlockParserFactory core : List.of(
                new BlockQuoteParser.Factory(),
                new HeadingParser.Factory(),
                new FencedCodeBlockParser.Factory(),
                new HtmlBlockParser.Factory(),
                new ThematicBreakParser.Factory(),
                new ListStart(),
                new IndentedCodeBlockParser.Factory())) {
            builder.customBlockParserFactory(core);
        }
        return builder.build();
    }

    /** A list item may interrupt a paragraph in fewer cases; whether one is open is all the list start needs. */
    private static final class ListStart extends AbstractBlockParserFactory {

        private final BlockParserFactory lists = new ListBlockParser.Factory();

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            return lists.tryStart(state, new ParagraphOpen(matched));
        }
    }

    /** A table starts on a delimiter row: at least one pipe and one dash, and nothing but pipes, dashes, colons. */
    private static final class TableStart extends AbstractBlockParserFactory {

        private final BlockParserFactory tables = new TableBlockParser.Factory(NO_CELL_LIMIT);

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (!(matched.getMatchedBlockParser().getBlock() instanceof Paragraph) || !delimiterRow(state)) {
                return BlockStart.none();
            }
            return tables.tryStart(state, matched);
        }

        private static boolean delimiterRow(ParserState state) {
            CharSequence line = state.getLine().getContent();
            boolean pipe = false;
            boolean dash = false;
            for (int i = state.getIndex(); i < line.length(); i++) {
                switch (line.charAt(i)) {
                    case '|' -> pipe = true;
                    case '-' -> dash = true;
                    case ':', ' ', '\t' -> {
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return pipe && dash;
        }
    }

    /** The matched block, and in place of the open paragraph's lines one placeholder line when a paragraph is open. */
    private record ParagraphOpen(MatchedBlockParser matched) implements MatchedBlockParser {

        private static final SourceLines SOME_LINE = SourceLines.of(List.of(SourceLine.of("", null)));

        @Override
        public BlockParser getMatchedBlockParser() {
            return matched.getMatchedBlockParser();
        }

        @Override
        public SourceLines getParagraphLines() {
            return getMatchedBlockParser().getBlock() instanceof Paragraph ? SOME_LINE : SourceLines.empty();
        }
    }
}
