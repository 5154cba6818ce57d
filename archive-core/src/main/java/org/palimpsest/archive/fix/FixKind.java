package org.palimpsest.archive.fix;

/** What kind of error a fix corrects. */
public enum FixKind {
    TYPO,
    MISTRANSLATION,
    GARBLED,
    NAME,
    OTHER
}
