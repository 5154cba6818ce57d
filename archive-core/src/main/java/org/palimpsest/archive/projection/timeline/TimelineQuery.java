package org.palimpsest.archive.projection.timeline;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The timeline, filtered. Dates are inclusive days; an event is kept when its interval overlaps [from, to].
 *
 * @param language BCP 47 prefix the statement's language must match ({@code ko} matches {@code ko-KR})
 * @param person   any spelling of a known person or organization, or else text its statements must contain
 * @param text     words the statement must contain (case-insensitive)
 */
public record TimelineQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String language,
                            @Nullable String person, @Nullable String text) {
}
