package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;

/**
 * Where Markdown is not markup: inline code spans and code blocks. A {@code [^1]} or a {@code [x](y)} in
 * there is text, not a footnote or a link.
 */
final class LiteralText {

    private final List<CharRange> inline;
    private final List<CharRange> blocks;

    private LiteralText(List<CharRange> inline, List<CharRange> blocks) {
        this.inline = inline;
        this.blocks = blocks;
    }

    /** Ranges already found, in text order (those of parts of a text, moved to where the parts stand). */
    static LiteralText of(List<CharRange> inline, List<CharRange> blocks) {
        return new LiteralText(List.copyOf(inline), List.copyOf(blocks));
    }

    static LiteralText of(Node document, SourcePositions positions) {
        List<CharRange> inline = new ArrayList<>();
        List<CharRange> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                add(inline, code);
            }

            @Override
            public void visit(FencedCodeBlock code) {
                add(blocks, code);
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                add(blocks, code);
            }

            private void add(List<CharRange> into, Node node) {
                CharRange range = positions.range(node);
                if (range != null) {
                    into.add(range);
                }
            }
        });
        return new LiteralText(inline, blocks);
    }

    List<CharRange> inline() {
        return inline;
    }

    List<CharRange> blocks() {
        return blocks;
    }

    boolean inInlineCode(int index) {
        return inline.stream().anyMatch(r -> r.contains(index));
    }

    boolean inCode(int index) {
        return inInlineCode(index) || blocks.stream().anyMatch(r -> r.contains(index));
    }
}
