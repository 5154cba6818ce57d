package org.palimpsest.archive.fix;

import java.util.List;

/**
 * A fix can no longer be applied (or reverted) where it was meant: the text it targets changed since, and its
 * quote does not identify one place in the current text. {@code changes} shows where the text changed.
 */
public class FixConflictException extends RuntimeException {

    private final String fixId;
    private final long currentRevision;
    private final List<TextChange> changes;

    public FixConflictException(String fixId, String message, long currentRevision, List<TextChange> changes) {
        super(message);
        this.fixId = fixId;
        this.currentRevision = currentRevision;
        this.changes = List.copyOf(changes);
    }

    public String fixId() {
        return fixId;
    }

    public long currentRevision() {
        return currentRevision;
    }

    public List<TextChange> changes() {
        return changes;
    }
}
