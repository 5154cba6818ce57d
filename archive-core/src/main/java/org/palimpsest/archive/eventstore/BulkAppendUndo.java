package org.palimpsest.archive.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.set;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.EVENT_IDENTIFIER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.ID;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a bulk load (a restored event log) that failed part-way back out of the store: deletes the events it
 * appended, by their identifiers, and puts the global index counter back where it stood before the load, so the
 * store is as it was. Without transactions (the embedded server has none) this is the only way to make a restore
 * all-or-nothing.
 * <p>
 * Only the load's own events are deleted, and the counter is rewound only when no other event lies above the mark
 * and the counter has not moved since it was looked at, so a writer sharing the store never loses an event. (An
 * append of another writer that reserved its indexes but has not inserted yet cannot be seen; a later append would
 * then find its index taken and fail loudly, never overwrite. Restores go into an empty, quiet store.) Run it while
 * no processor tracks the store: one that already passed the rewound indexes would skip what a later load puts
 * there.
 */
public final class BulkAppendUndo {

    private static final Logger logger = LoggerFactory.getLogger(BulkAppendUndo.class);
    private static final int KEYS_PER_ROUND = 1000;

    /** Where the counter stood before a load; {@code counter} is null when it did not exist yet. */
    public record Mark(@Nullable Long counter) {
    }

    /**
     * What the undo achieved.
     *
     * @param removed         events of the load found in the store and deleted
     * @param counterRestored whether the counter stands where the mark found it again
     */
    public record Outcome(long removed, boolean counterRestored) {
    }

    private final MongoCollection<BsonDocument> events;
    private final MongoCollection<BsonDocument> counters;

    public BulkAppendUndo(MongoDatabase database) {
        this.events = database.getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION, BsonDocument.class);
        this.counters = database.getCollection(SequencedMongoEventStorageEngine.SEQUENCE_COLLECTION, BsonDocument.class);
    }

    /** Notes where the counter stands; take it before the load's first append. */
    public Mark mark() {
        BsonDocument counter = counter();
        return new Mark(counter == null ? null : counter.getNumber(GlobalSequence.VALUE).longValue());
    }

    /**
     * Deletes the stored events among {@code eventIdentifiers} (identifiers never stored are ignored) and rewinds
     * the counter to {@code before} if that is safe.
     *
     * @throws MongoException when the store cannot be read or written; some events may then remain
     */
    public Outcome undo(Mark before, Collection<String> eventIdentifiers) {
        long removed = 0;
        List<String> identifiers = List.copyOf(eventIdentifiers);
        for (int from = 0; from < identifiers.size(); from += KEYS_PER_ROUND) {
            List<String> round = identifiers.subList(from, Math.min(identifiers.size(), from + KEYS_PER_ROUND));
            List<Long> indexes = new ArrayList<>();
            // Only above the mark: an event with one of these ids stored before the load (say, by a concurrent
            // restore of the same file, whose append then failed here) is not this load's to delete.
            long floor = before.counter() == null ? 0 : before.counter();
            for (BsonDocument stored : events.find(and(in(EVENT_IDENTIFIER, round), gt(ID, floor))).projection(include(ID))) {
                indexes.add(EventDocumentMapper.globalIndex(stored));
            }
            if (!indexes.isEmpty()) {
                removed += events.deleteMany(in(ID, indexes)).getDeletedCount();
            }
        }
        boolean restored = rewind(before);
        logger.info("Undid a failed bulk load: removed {} event(s); global index counter {}", removed,
                    restored ? "restored" : "left as it is (its unused indexes stay a gap)");
        return new Outcome(removed, restored);
    }

    private boolean rewind(Mark before) {
        BsonDocument counter = counter();
        long was = before.counter() == null ? 0 : before.counter();
        if (counter == null) {
            return before.counter() == null;
        }
        long now = counter.getNumber(GlobalSequence.VALUE).longValue();
        if (now == was) {
            return true;
        }
        // An event above the mark that is not the load's belongs to another writer: its index, and the ones
        // reserved with it, must never be handed out again. A reservation after this look fails the update below.
        if (events.find(gt(ID, was)).limit(1).first() != null) {
            return false;
        }
        if (before.counter() == null) {
            return counters.deleteOne(and(eq(ID, GlobalSequence.COUNTER_ID), eq(GlobalSequence.VALUE, now)))
                           .getDeletedCount() == 1;
        }
        return counters.updateOne(and(eq(ID, GlobalSequence.COUNTER_ID), eq(GlobalSequence.VALUE, now)),
                                  set(GlobalSequence.VALUE, new BsonInt64(was))).getModifiedCount() == 1;
    }

    private @Nullable BsonDocument counter() {
        return counters.find(eq(ID, GlobalSequence.COUNTER_ID)).projection(include(GlobalSequence.VALUE)).first();
    }
}
