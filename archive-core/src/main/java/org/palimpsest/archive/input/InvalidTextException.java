package org.palimpsest.archive.input;

import org.axonframework.common.AxonNonTransientException;
import org.jspecify.annotations.Nullable;

/**
 * Text that is not a sequence of Unicode scalar values (a lone surrogate), or bytes that are not strict UTF-8 (an
 * overlong form, a truncated sequence, an encoded surrogate). Refused, never repaired: a replacement character would
 * store something the sender never wrote, and its content hash would not be the hash of what was sent.
 */
public class InvalidTextException extends AxonNonTransientException {

    private final @Nullable String field;
    private final @Nullable Integer index;
    private final long offset;

    public InvalidTextException(@Nullable String field, @Nullable Integer index, long offset, String message) {
        super(message);
        this.field = field;
        this.index = index;
        this.offset = offset;
    }

    /** The field at fault, or {@code null} when the whole body is (bytes that do not decode). */
    public @Nullable String field() {
        return field;
    }

    /** The item of a batch the field lies in, or {@code null}. */
    public @Nullable Integer index() {
        return index;
    }

    /** Where the fault lies: a UTF-16 index into the field, or a byte offset into the body. */
    public long offset() {
        return offset;
    }
}
