package org.palimpsest.archive.history;

/** An event log that cannot be imported, with the 1-based line at fault (0 when it concerns the whole log). */
public class EventLogException extends RuntimeException {

    private final long line;

    public EventLogException(long line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
