package org.palimpsest.archive.input;

import org.axonframework.common.AxonNonTransientException;
import org.jspecify.annotations.Nullable;

/**
 * A field longer than its limit in {@link InputLimits}. Non-transient: sending the same command again cannot help, so
 * the command gateway does not retry it.
 */
public class FieldTooLongException extends AxonNonTransientException {

    private final String field;
    private final @Nullable Integer index;
    private final int limit;
    private final long length;

    public FieldTooLongException(String field, @Nullable Integer index, int limit, long length) {
        super(field + " is limited to " + limit + " characters (code points); this one has " + length);
        this.field = field;
        this.index = index;
        this.limit = limit;
        this.length = length;
    }

    /** The field as the client names it, e.g. {@code target.exact}. */
    public String field() {
        return field;
    }

    /** The item of a batch the field lies in, or {@code null} outside a batch. */
    public @Nullable Integer index() {
        return index;
    }

    /** The limit, in code points. */
    public int limit() {
        return limit;
    }

    /** The field's length, in code points. */
    public long length() {
        return length;
    }
}
