package org.palimpsest.archive.extraction.names;

/** A name catalog that cannot be read, with the 1-based line of the YAML at fault. */
public class NameCatalogException extends RuntimeException {

    private final int line;

    public NameCatalogException(int line, String problem) {
        super("name catalog, line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
