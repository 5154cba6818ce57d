package org.palimpsest.archive.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event a projection could not apply, set aside in its dead-letter queue with every later event of the same
 * sequence queued behind it, so that the projection kept serving every other document (ADR 8).
 *
 * @param projection   the processing group that parked it ({@code timeline}, {@code reading-views}, …)
 * @param sequence     what orders it: the document id for document events, the annotation id for annotation events,
 *                     the account name for account events
 * @param index        its place in that sequence's queue, from 0
 * @param eventType    the event's payload type, by simple name
 * @param position     its global position in the event log, when it was tracked
 * @param eventTime    when the event was recorded
 * @param parkedAt     when the projection set it aside
 * @param lastTouched  when it was last tried or moved
 * @param errorType    the class of the exception that parked it; absent for an event queued behind another
 * @param errorMessage that exception's message (truncated)
 * @param retries      how many retries have failed since it was parked
 */
public record ParkedEvent(String projection, String sequence, long index, String eventType, @Nullable Long position,
                          Instant eventTime, Instant parkedAt, Instant lastTouched, @Nullable String errorType,
                          @Nullable String errorMessage, int retries) {
}
