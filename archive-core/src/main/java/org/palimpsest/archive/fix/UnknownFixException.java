package org.palimpsest.archive.fix;

/** The document has no fix with this id. */
public class UnknownFixException extends RuntimeException {

    public UnknownFixException(String documentId, String fixId) {
        super("document " + documentId + " has no fix " + fixId);
    }
}
