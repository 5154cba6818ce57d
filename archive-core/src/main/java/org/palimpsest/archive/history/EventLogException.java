package org.palimpsest.archive.history;

import org.jspecify.annotations.Nullable;

/**
 * An event log that could not be imported, with the 1-based line at fault (0 when it concerns the whole log) and
 * what the refusal left in the store.
 */
public class EventLogException extends RuntimeException {

    /** What an import that stopped left behind. */
    public enum Outcome {
        /** Refused before the first write: the store is untouched. */
        NOTHING_WRITTEN,
        /** Writing failed part-way and everything written was removed again: the store is as it was. */
        WRITTEN_AND_REMOVED,
        /** Writing failed part-way and removing what was written failed too: the store holds part of the log. */
        PARTLY_WRITTEN
    }

    private final long line;
    private final Outcome outcome;

    public EventLogException(long line, String message) {
        this(line, message, Outcome.NOTHING_WRITTEN, null);
    }

    public EventLogException(long line, String message, Outcome outcome, @Nullable Throwable cause) {
        super(line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
        this.outcome = outcome;
    }

    public long line() {
        return line;
    }

    public Outcome outcome() {
        return outcome;
    }
}
