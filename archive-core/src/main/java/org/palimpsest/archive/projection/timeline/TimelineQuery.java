package org.palimpsest.archive.projection.timeline;

import java.time.LocalDate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The timeline, filtered. Dates are inclusive days; an event is kept when its interval overlaps [from, to].
 *
 * @param language BCP 47 prefix the statement's language must match ({@code ko} matches {@code ko-KR})
 * @param person   any spelling of a known person or organization, or else text its statements must contain
 * @param text     words the statement must contain (case-insensitive)
 * @param position as it stood at this stream position, or {@code time} at this time; both null: now
 */
public record TimelineQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String language,
                            @Nullable String person, @Nullable String text, @Nullable Long position,
                            @Nullable Instant time) {

    /** The timeline now. */
    public TimelineQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String language,
                         @Nullable String person, @Nullable String text) {
        this(from, to, language, person, text, null, null);
    }
}
