package org.palimpsest.archive.extraction.email;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A message's date as written and, when its shape is understood, normalized. At most one of {@code instant}
 * and {@code local} is set: {@code instant} when the text names a zone or an offset, {@code local} (the wall
 * clock as written) when it names none, and neither when the shape is not understood.
 *
 * @param raw the date exactly as it stands in the header or attribution line, trimmed
 * @param instant the moment, with the offset that the zone had on that date
 * @param local the wall-clock time, when no zone was written
 * @param zone the zone written, as a region id ({@code America/Los_Angeles}, {@code Asia/Tokyo}, {@code UTC})
 *     or, when only a numeric offset was written, the offset ({@code -07:00})
 */
public record HeaderDate(String raw, @Nullable OffsetDateTime instant, @Nullable LocalDateTime local,
                         @Nullable String zone) {

    static HeaderDate unparsed(String raw) {
        return new HeaderDate(raw, null, null, null);
    }

    /** Whether the shape was understood, i.e. a date with a time of day was found. */
    public boolean understood() {
        return instant != null || local != null;
    }
}
