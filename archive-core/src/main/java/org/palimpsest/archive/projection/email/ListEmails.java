package org.palimpsest.archive.projection.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A page of messages, oldest first.
 *
 * @param participant matches a name or address in any header (case-insensitive), or any spelling of a known person
 * @param from        sent at or after (inclusive)
 * @param to          sent before (exclusive)
 * @param position    as the archive held them at this stream position, or {@code time} at this time; both null: now
 */
public record ListEmails(@Nullable String participant, @Nullable Instant from, @Nullable Instant to, int page, int size,
                         @Nullable Long position, @Nullable Instant time) {

    /** Messages as the archive holds them now. */
    public ListEmails(@Nullable String participant, @Nullable Instant from, @Nullable Instant to, int page, int size) {
        this(participant, from, to, page, size, null, null);
    }

    public ListEmails {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and 200");
        }
    }
}
