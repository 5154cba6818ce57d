package org.palimpsest.archive.eventstore;

import java.time.Instant;

/**
 * One event document as a read needs it: where it stands in the global order, when that index was reserved, and the
 * event for Axon.
 *
 * @param globalIndex the event's global index ({@code _id})
 * @param reservedAt  the database time at which its index was reserved
 * @param data        the event, with payload and metadata still in their stored form
 */
record StoredEvent(long globalIndex, Instant reservedAt, StoredEventData data) {
}
