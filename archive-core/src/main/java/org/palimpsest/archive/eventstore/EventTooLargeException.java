package org.palimpsest.archive.eventstore;

import org.axonframework.common.AxonNonTransientException;

/**
 * An event whose serialized payload and metadata exceed {@link org.palimpsest.archive.input.InputLimits#STORED_EVENT_BYTES}.
 * Refused before a global index is reserved for it, so nothing is written and no gap is left; MongoDB would refuse
 * the document anyway once it passed 16 MiB, with an error that names no limit. Non-transient: a retry cannot help.
 */
public class EventTooLargeException extends AxonNonTransientException {

    private final String eventType;
    private final long bytes;
    private final long limit;

    public EventTooLargeException(String eventType, long bytes, long limit) {
        super("a " + eventType + " event of " + bytes + " bytes exceeds the limit of " + limit
                + " bytes for one stored event");
        this.eventType = eventType;
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The simple name of the event's payload type, e.g. {@code DocumentImported}. */
    public String eventType() {
        return eventType;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
