package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * What the structure analysis finds in a stretch of whole top-level blocks, in its own indexes: the blocks with the
 * rules that judge a block by its own line applied, each block's language, the links, and where Markdown is literal.
 * {@link StructureAnalyzer} joins groups into a document's structure.
 *
 * @param languages the language of each of {@code blocks}, in order (null where a block has too few letters)
 * @param runsOn    the group's last top-level block (an unclosed fence, an HTML block) may go on past its end: it
 *                  is complete only together with what follows
 * @param openFence when the last top-level block is a fence left open, its fence ({@code ```}, {@code ~~~~}): a line
 *                  of at least these characters closes it
 */
record BlockGroup(List<Block> blocks, List<@Nullable String> languages, List<LinkFinder.Found> links,
                  List<CharRange> inlineCode, List<CharRange> codeBlocks, boolean runsOn, @Nullable String openFence) {

    BlockGroup {
        blocks = List.copyOf(blocks);
        languages = java.util.Collections.unmodifiableList(new ArrayList<>(languages));
        links = List.copyOf(links);
        inlineCode = List.copyOf(inlineCode);
        codeBlocks = List.copyOf(codeBlocks);
    }

    /**
     * Analyses one group.
     *
     * @param markdown what CommonMark reads (front matter blanked out)
     * @param text     the same stretch of the document's text, for links and the line rules
     */
    static BlockGroup of(Node document, String markdown, String text) {
        SourcePositions positions = new SourcePositions(markdown);
        LiteralText literal = LiteralText.of(document, positions);
        List<Block> blocks = ChromeRules.applyLineRules(BlockCollector.collect(document, markdown), text);
        List<@Nullable String> languages = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            languages.add(StructureAnalyzer.language(block.contentText(text)));
        }
        List<LinkFinder.Found> links = LinkFinder.find(document, text, positions, literal);
        return new BlockGroup(blocks, languages, links, literal.inline(), literal.blocks(), runsOn(document),
                openFence(document));
    }

    /**
     * Whether the document's last top-level block may continue on the lines after it: a fenced block left open takes
     * every line until its closing fence, and an HTML block may run over blank lines until its end marker.
     */
    private static boolean runsOn(Node document) {
        Node last = document.getLastChild();
        return last instanceof HtmlBlock
                || last instanceof FencedCodeBlock fenced && fenced.getClosingFenceLength() == null;
    }

    private static @Nullable String openFence(Node document) {
        return document.getLastChild() instanceof FencedCodeBlock fenced && fenced.getClosingFenceLength() == null
                ? String.valueOf(fenced.getFenceChar()).repeat(fenced.getFenceLength()) : null;
    }

    /** This group where it stands in a text in which it starts {@code offset} characters further. */
    BlockGroup movedBy(int offset) {
        if (offset == 0) {
            return this;
        }
        return new BlockGroup(blocks.stream().map(b -> b.movedBy(offset)).toList(), languages,
                links.stream().map(l -> l.movedBy(offset)).toList(),
                inlineCode.stream().map(r -> r.movedBy(offset)).toList(),
                codeBlocks.stream().map(r -> r.movedBy(offset)).toList(), runsOn, openFence);
    }
}
