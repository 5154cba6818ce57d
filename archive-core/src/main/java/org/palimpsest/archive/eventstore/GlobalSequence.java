package org.palimpsest.archive.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

import java.time.Instant;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.currentDate;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * The global event index counter: one document in the {@code event_sequence} collection whose {@code value} is the
 * highest index ever handed out.
 * <p>
 * Every operation is a single-document read or atomic update on {@code _id}, so indexes strictly increase across any
 * number of writers, and the embedded server answers each through its primary-key index.
 * <p>
 * Each reservation also records the database server's time. Stamped under the counter's lock, these times follow the
 * order of the indexes (as far as the server's clock runs forward) whichever application instance reserved them,
 * which the gap rules of {@link GapPolicy} rely on.
 */
final class GlobalSequence {

    static final String COUNTER_ID = SequencedMongoEventStorageEngine.EVENTS_COLLECTION;
    static final String VALUE = "value";
    static final String RESERVED_AT = "reservedAt";

    /**
     * Indexes reserved by one append.
     *
     * @param indexes    the reserved global indexes
     * @param reservedAt the database server's time of the reservation
     */
    record Reservation(GlobalIndexRange indexes, Instant reservedAt) {
    }

    private final MongoCollection<BsonDocument> counters;
    private final MongoCollection<BsonDocument> reservations;

    GlobalSequence(MongoCollection<BsonDocument> counters) {
        this.counters = counters;
        // A reservation need not wait for the journal (on the embedded server: for its own commit and fsync). Every
        // durable use of the reserved indexes, the append's own insert first of all, is a later write, and both
        // stores make a write durable only together with every write that finished before it (MongoDB's journal
        // and oplog are in commit order; the embedded server commits whole operations in the order they
        // finished, ADR 4). A crash that loses the reservation loses every event stored under it, so the indexes
        // are simply handed out again, to an append that was never acknowledged. It halves the waits per append.
        this.reservations = counters.withWriteConcern(counters.getWriteConcern().withJournal(false));
    }

    /** Creates the counter at zero if it does not exist yet. Idempotent. */
    void ensureExists() {
        try {
            counters.updateOne(eq("_id", COUNTER_ID), setOnInsert(VALUE, new BsonInt64(0)),
                               new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance created it at the same moment
        }
    }

    /**
     * Reserves the next {@code count} indexes. Whatever happens to the append afterwards, these indexes are never
     * handed out again: a failed append leaves them as a gap.
     */
    Reservation reserve(int count) {
        try {
            return incrementBy(count);
        } catch (MongoCommandException | MongoWriteException e) {
            // Two first-ever upserts can race on the unique _id; the loser simply increments the winner's counter.
            if (!DuplicateKeyExceptionResolver.isDuplicateKey(e)) {
                throw e;
            }
            return incrementBy(count);
        }
    }

    /** The highest index reserved so far, {@code 0} if none. */
    long lastReserved() {
        // projected for the same reason as in incrementBy: a copy made under the embedded server's lock
        BsonDocument counter = counters.find(eq("_id", COUNTER_ID)).projection(include(VALUE)).first();
        return counter == null ? 0 : counter.getNumber(VALUE).longValue();
    }

    private Reservation incrementBy(int count) {
        BsonDocument counter = reservations.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                combine(inc(VALUE, (long) count), currentDate(RESERVED_AT)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                                             // mongo-java-server answers with the live counter document and encodes
                                             // it after releasing its lock, so a concurrent $inc can show through and
                                             // two writers get the same indexes. A projection is copied under the lock.
                                             .projection(include(VALUE, RESERVED_AT)));
        if (counter == null) {
            throw new IllegalStateException("Upsert of the global sequence counter returned no document");
        }
        return new Reservation(GlobalIndexRange.endingAt(counter.getNumber(VALUE).longValue(), count),
                               Instant.ofEpochMilli(counter.getDateTime(RESERVED_AT).getValue()));
    }
}
