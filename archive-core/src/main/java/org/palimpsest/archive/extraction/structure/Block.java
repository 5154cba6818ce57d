package org.palimpsest.archive.extraction.structure;

import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * A segment before it gets its id and code-point spans: UTF-16 ranges of the analysed string.
 *
 * @param listStart where the outermost list holding this block starts, or -1 outside lists; chrome rules use
 *                  it to tell a list that begins under a "related posts" heading from one that merely continues
 */
record Block(SegmentKind kind, CharRange range, CharRange content, @Nullable Integer level, int listStart,
             boolean chrome) {

    static Block of(SegmentKind kind, CharRange range, CharRange content, @Nullable Integer level, int listStart) {
        return new Block(kind, range, content, level, listStart, false);
    }

    /**
     * This block marked as boilerplate. Running text (paragraphs, quote paragraphs) becomes kind CHROME, since
     * a boilerplate line has no structure worth keeping; structural kinds (list item, heading, image) keep
     * their kind so that a chrome list still reads as a list, and only the flag says it is chrome.
     */
    Block asChrome() {
        SegmentKind newKind = isRunningText(kind) ? SegmentKind.CHROME : kind;
        return new Block(newKind, range, content, newKind == SegmentKind.CHROME ? null : level, listStart, true);
    }

    /** This block where it stands in a text in which its own text starts {@code offset} characters further. */
    Block movedBy(int offset) {
        return new Block(kind, range.movedBy(offset), content.movedBy(offset), level,
                listStart < 0 ? listStart : listStart + offset, chrome);
    }

    String contentText(String text) {
        return text.substring(content.start(), content.end());
    }

    boolean isSingleLine(String text) {
        int newline = text.indexOf('\n', range.start());
        return newline < 0 || newline >= range.end();
    }

    static boolean isRunningText(SegmentKind kind) {
        return kind == SegmentKind.PARAGRAPH || kind == SegmentKind.BLOCK_QUOTE || kind == SegmentKind.CHROME;
    }
}
