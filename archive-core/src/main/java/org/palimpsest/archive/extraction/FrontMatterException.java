package org.palimpsest.archive.extraction;

/** Front matter that cannot be read, with the 1-based line of the document at fault. */
public class FrontMatterException extends Exception {

    private final int line;

    public FrontMatterException(int line, String problem) {
        super("front matter, line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
