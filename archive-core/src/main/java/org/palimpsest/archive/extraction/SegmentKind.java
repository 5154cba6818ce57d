package org.palimpsest.archive.extraction;

/** The block-level parts a document is cut into. */
public enum SegmentKind {
    FRONT_MATTER,
    HEADING,
    PARAGRAPH,
    LIST_ITEM,
    BLOCK_QUOTE,
    CODE_BLOCK,
    IMAGE,
    TABLE,
    THEMATIC_BREAK,
    FOOTNOTE,
    /** Newsletter or site boilerplate: kept in the text, left out of the main flow, timeline and emails. */
    CHROME
}
