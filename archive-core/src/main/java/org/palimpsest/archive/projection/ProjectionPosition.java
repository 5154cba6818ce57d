package org.palimpsest.archive.projection;

import java.time.Instant;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;

/**
 * The point in the event stream a projected record reflects: the global index of the last event applied
 * and that event's time. Clients see it as {@code asOf}.
 */
public record ProjectionPosition(long position, Instant time) {

    /** Position of an event as delivered to a tracking handler; -1 when it came without a token (e.g. in a unit test). */
    public static ProjectionPosition of(@Nullable TrackingToken token, Instant eventTime) {
        OptionalLong index = token == null ? OptionalLong.empty() : token.position();
        return new ProjectionPosition(index.orElse(-1), eventTime);
    }
}
