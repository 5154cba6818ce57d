package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.descending;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.AGGREGATE_SEQUENCE_KEY;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.EVENT_IDENTIFIER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.ID;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.SEQUENCE_NUMBER;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.TIMESTAMP;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.TIMESTAMP_NANOS;
import static org.palimpsest.archive.eventstore.EventDocumentMapper.aggregateSequenceKey;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB that numbers events with a
 * global sequence and tracks them with Axon's {@link GapAwareTrackingToken}, as the JDBC engine does.
 *
 * <h2>Storage</h2>
 * <ul>
 * <li>{@value #EVENTS_COLLECTION}: one document per event, {@code _id} = its global index, with
 * {@code aggregateIdentifier}, {@code type}, {@code sequenceNumber}, {@code aggregateSequenceKey}
 * ({@code "<aggregateIdentifier>#<sequenceNumber>"}), {@code eventIdentifier}, {@code timestamp} (a date) and
 * {@code timestampNanos} (the nanoseconds below its millisecond), {@code reservedAt} (database time of the index
 * reservation), {@code payloadType}, {@code payloadRevision}, and {@code payload} and {@code metaData} as embedded
 * documents that can be queried. Events not published by an aggregate are stored as the only event of a stream named
 * after their own identifier. Unique indexes on {@code aggregateSequenceKey} (which makes
 * {@code (aggregateIdentifier, sequenceNumber)} unique) and on {@code eventIdentifier}; a plain index on
 * {@code timestamp}.</li>
 * <li>{@value #SEQUENCE_COLLECTION}: the counter from which every append reserves its global indexes with one atomic
 * {@code $inc}. Indexes strictly increase; an append that fails after reserving leaves its indexes unused, a gap.</li>
 * <li>{@value #SNAPSHOTS_COLLECTION}: the latest snapshot per aggregate, {@code _id} = aggregate identifier.</li>
 * </ul>
 *
 * <h2>Reads</h2>
 * Every frequent read is an equality or {@code $in} lookup on a unique key, because the embedded
 * {@code mongo-java-server} ignores every other index and would scan the whole collection. A tracking read looks up
 * the token's gaps plus the next {@code batchSize} global indexes by {@code _id}; an aggregate read looks up the next
 * {@code batchSize} values of {@code aggregateSequenceKey}. Neither grows with the size of the store.
 * {@link #createTokenAt(Instant)} is the exception: it filters on the timestamp and scans on the embedded server.
 *
 * <h2>Writes</h2>
 * An append reserves its indexes, then inserts its documents in one ordered {@code insertMany}. A duplicate key (the
 * aggregate's sequence number or the event identifier is taken) becomes Axon's
 * {@link org.axonframework.modelling.command.AggregateStreamCreationException} or
 * {@link org.axonframework.modelling.command.ConcurrencyException}. Without transactions (the embedded server has
 * none), the documents of a failed append that were inserted before the failure are deleted again before the
 * exception is thrown; until then a concurrent reader may see them.
 *
 * <h2>Gaps</h2>
 * Tracking delivers events in global order. A missing index that is followed by an event reserved less than
 * {@code maxOrderingDelay} ago holds delivery back (its append is most likely still in flight); after that the
 * missing index is skipped and kept as a gap of the token, so an event committed late is still delivered, until
 * {@code gapTimeout} after the next index's reservation. See {@link GapPolicy}.
 * <p>
 * Streams of an aggregate are assumed contiguous from sequence number 0, as Axon's aggregates write them; aggregate
 * reads and {@link #lastSequenceNumberFor(String)} rely on it.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    /** Collection holding one document per event. */
    public static final String EVENTS_COLLECTION = "domain_events";
    /** Collection holding the latest snapshot of each aggregate. */
    public static final String SNAPSHOTS_COLLECTION = "snapshot_events";
    /** Collection holding the global index counter. */
    public static final String SEQUENCE_COLLECTION = "event_sequence";

    private static final Logger logger = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);

    /** The unique index on {@code aggregateSequenceKey}, which decides optimistic concurrency. */
    static final String AGGREGATE_SEQUENCE_INDEX = "aggregate_sequence_key_unique";
    /**
     * The unique compound index on {@code (aggregateIdentifier, sequenceNumber)} that stores created before it was
     * found redundant carry: it enforced the rule of {@link #AGGREGATE_SEQUENCE_INDEX} a second time, and on the
     * embedded server each unique index costs an append about as much as storing the document (it compares keys by
     * Java-serializing them, some fifty times per insert).
     */
    static final String REDUNDANT_COMPOUND_INDEX = "aggregate_sequence_unique";

    /** Largest number of indexes looked up at once while skipping a run of empty global indexes. */
    private static final int MAX_PROBE_SPAN = 4096;
    /** Sequence numbers looked up per round while searching for the end of an aggregate's stream. */
    private static final int SEQUENCE_PROBES_PER_ROUND = 64;

    private final MongoCollection<BsonDocument> eventCollection;
    /** The same collection, read through {@link StoredEventCodec}. */
    private final MongoCollection<StoredEvent> storedEvents;
    private final MongoCollection<BsonDocument> snapshotCollection;
    private final GlobalSequence sequence;
    private final GapPolicy gapPolicy;
    private final Clock clock;
    private final @Nullable PersistenceExceptionResolver duplicateKeyResolver;

    /**
     * Instantiates the engine from a validated {@link Builder}, creating collections' indexes unless the builder says
     * otherwise.
     *
     * @param builder the builder holding the configuration
     */
    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database();
        this.eventCollection = database.getCollection(EVENTS_COLLECTION, BsonDocument.class);
        this.storedEvents = database.getCollection(EVENTS_COLLECTION, StoredEvent.class)
                                    .withCodecRegistry(CodecRegistries.fromRegistries(
                                            CodecRegistries.fromCodecs(new StoredEventCodec()),
                                            database.getCodecRegistry()));
        this.snapshotCollection = database.getCollection(SNAPSHOTS_COLLECTION, BsonDocument.class);
        this.sequence = new GlobalSequence(database.getCollection(SEQUENCE_COLLECTION, BsonDocument.class));
        this.gapPolicy = new GapPolicy(builder.gapTimeout, builder.maxGapOffset, builder.maxOrderingDelay);
        this.clock = builder.clock;
        this.duplicateKeyResolver = builder.duplicateKeyResolver;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
    }

    /**
     * A builder for the engine. {@link Builder#database(MongoDatabase) database} and
     * {@link Builder#eventSerializer(Serializer) eventSerializer} are required; see the builder's methods for the
     * defaults of the rest.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the collections' indexes and the global sequence counter if they do not exist yet. Safe to call any
     * number of times, from several instances at once.
     */
    public void ensureIndexes() {
        // The unique key of (aggregateIdentifier, sequenceNumber). It encodes the pair without ambiguity, so it is
        // the optimistic-concurrency rule itself, and the embedded server answers aggregate reads ($in over it) only
        // through a single-field index (mongo-java-server issue #80).
        eventCollection.createIndex(ascending(AGGREGATE_SEQUENCE_KEY),
                                    new IndexOptions().unique(true).name(AGGREGATE_SEQUENCE_INDEX));
        eventCollection.createIndex(ascending(EVENT_IDENTIFIER),
                                    new IndexOptions().unique(true).name("event_identifier_unique"));
        // Only createTokenAt uses it, and only real MongoDB honours it.
        eventCollection.createIndex(ascending(TIMESTAMP), new IndexOptions().name("timestamp"));
        dropIndexIfPresent(REDUNDANT_COMPOUND_INDEX);
        sequence.ensureExists();
    }

    private void dropIndexIfPresent(String name) {
        boolean present = eventCollection.listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
                                         .anyMatch(index -> name.equals(index.getString("name", new BsonString(""))
                                                                            .getValue()));
        if (!present) {
            return;
        }
        try {
            eventCollection.dropIndex(name);
            logger.info("Dropped the index {} of {}: {} enforces the same rule", name, EVENTS_COLLECTION,
                        AGGREGATE_SEQUENCE_INDEX);
        } catch (MongoCommandException e) {
            // another instance dropped it at the same moment
            logger.debug("Index {} was already gone: {}", name, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Serialize first: a payload that cannot be stored must not cost a reservation.
        List<BsonDocument> documents = events.stream()
                                             .map(event -> EventDocumentMapper.eventDocument(event, serializer))
                                             .toList();
        GlobalSequence.Reservation reservation = sequence.reserve(documents.size());
        GlobalIndexRange indexes = reservation.indexes();
        for (int position = 0; position < documents.size(); position++) {
            EventDocumentMapper.position(documents.get(position), indexes.indexAt(position),
                                         reservation.reservedAt());
        }
        try {
            eventCollection.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (MongoException e) {
            List<Long> takenByOthers = removePartialAppend(indexes, documents, e);
            if (!takenByOthers.isEmpty()) {
                // Not a concurrent modification of an aggregate: the counter handed out indexes already in use.
                logger.error("Global index(es) {} reserved for an append already hold other events: the {} counter "
                                     + "is behind the {} collection (restored from a backup without it?)",
                             takenByOthers, SEQUENCE_COLLECTION, EVENTS_COLLECTION);
                throw new EventStoreException("Global index(es) " + takenByOthers + " are already taken", e);
            }
            EventMessage<?> failedEvent = events.get(failedPosition(e, events.size()));
            if (duplicateKeyResolver != null && duplicateKeyResolver.isDuplicateKeyViolation(e)) {
                logger.debug("Append of {} event(s) refused: event [{}] clashes with a stored event; "
                                     + "global index(es) {} stay unused", events.size(),
                             failedEvent.getIdentifier(), indexes);
            } else {
                logger.warn("Append of {} event(s) failed; global index(es) {} stay unused", events.size(),
                            indexes, e);
            }
            handlePersistenceException(e, failedEvent);
        }
    }

    /**
     * Deletes the documents of a failed append that did get inserted, so that no half-written append remains. Only
     * documents at the reserved indexes that carry this append's event identifiers are touched.
     *
     * @return the reserved indexes that hold events of other appends, which must never happen
     */
    private List<Long> removePartialAppend(GlobalIndexRange indexes, List<BsonDocument> documents,
                                           MongoException cause) {
        Set<String> ownEventIdentifiers = new HashSet<>();
        documents.forEach(document -> ownEventIdentifiers.add(document.getString(EVENT_IDENTIFIER).getValue()));
        List<Long> inserted = new ArrayList<>();
        List<Long> takenByOthers = new ArrayList<>();
        try {
            for (BsonDocument stored : eventCollection.find(in(ID, indexes.indexes()))
                                                      .projection(include(EVENT_IDENTIFIER))) {
                long index = EventDocumentMapper.globalIndex(stored);
                if (ownEventIdentifiers.contains(stored.getString(EVENT_IDENTIFIER).getValue())) {
                    inserted.add(index);
                } else {
                    takenByOthers.add(index);
                }
            }
            if (!inserted.isEmpty()) {
                eventCollection.deleteMany(in(ID, inserted));
                logger.debug("Removed {} event(s) at global indexes {} of a failed append", inserted.size(),
                             inserted);
            }
        } catch (MongoException e) {
            logger.error("Could not remove the partly inserted events of a failed append at global indexes {}; "
                                 + "they remain visible", indexes, e);
            cause.addSuppressed(e);
        }
        return takenByOthers;
    }

    private static int failedPosition(MongoException e, int eventCount) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            int position = bulk.getWriteErrors().get(0).getIndex();
            return position < eventCount ? position : 0;
        }
        return 0;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        BsonDocument document = EventDocumentMapper.snapshotDocument(snapshot, serializer);
        try {
            BsonDocument current = snapshotCollection.find(eq(ID, snapshot.getAggregateIdentifier()))
                                            .projection(include(SEQUENCE_NUMBER))
                                            .first();
            if (current != null && EventDocumentMapper.sequenceNumber(current) >= snapshot.getSequenceNumber()) {
                return;
            }
            // Racing snapshotters may still replace a newer snapshot by an older one; both are valid snapshots.
            snapshotCollection.replaceOne(eq(ID, snapshot.getAggregateIdentifier()), document,
                                 new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (DuplicateKeyExceptionResolver.isDuplicateKey(e)) {
                return; // another snapshotter created the document first
            }
            handlePersistenceException(e, snapshot);
        }
    }

    // ---------------------------------------------------------------- aggregate reads

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber,
                                                                  int batchSize) {
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + batchSize)
                                      .mapToObj(sequenceNumber -> aggregateSequenceKey(aggregateIdentifier,
                                                                                       sequenceNumber))
                                      .toList();
        List<StoredEvent> events = storedEvents.find(in(AGGREGATE_SEQUENCE_KEY, keys)).into(new ArrayList<>());
        events.sort(Comparator.comparingLong(event -> event.data().getSequenceNumber()));
        List<DomainEventData<?>> batch = new ArrayList<>(events.size());
        long expected = firstSequenceNumber;
        for (StoredEvent event : events) {
            // A hole can only be an append still being inserted (or being removed): return the complete prefix.
            if (event.data().getSequenceNumber() != expected) {
                break;
            }
            batch.add(event.data());
            expected++;
        }
        return batch;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        BsonDocument snapshot = snapshotCollection.find(eq(ID, aggregateIdentifier))
                                                  .projection(include(EventDocumentMapper.SNAPSHOT_FIELDS))
                                                  .first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocumentMapper.snapshotData(snapshot));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Streams are contiguous from 0, so the last sequence number is the boundary between stored and missing keys. It
     * is found with a few rounds of {@code $in} lookups that each narrow the interval some 65-fold: two rounds for
     * streams shorter than 64 events, four for a million.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long lastStored = -1;
        long firstMissing = Long.MAX_VALUE;
        List<Long> probes = LongStream.concat(LongStream.of(0),
                                              LongStream.range(0, 63).map(power -> 1L << power))
                                      .boxed().toList();
        while (true) {
            Set<Long> stored = storedSequenceNumbers(aggregateIdentifier, probes);
            for (long probe : probes) {
                if (stored.contains(probe)) {
                    lastStored = Math.max(lastStored, probe);
                }
            }
            for (long probe : probes) {
                if (!stored.contains(probe) && probe > lastStored) {
                    firstMissing = Math.min(firstMissing, probe);
                }
            }
            if (firstMissing - lastStored <= 1) {
                return lastStored < 0 ? Optional.empty() : Optional.of(lastStored);
            }
            probes = evenlySpacedBetween(lastStored, firstMissing, SEQUENCE_PROBES_PER_ROUND);
        }
    }

    /**
     * The global index of the aggregate's last stored event: where a processor must have come to reflect everything
     * written to the aggregate so far (read-your-writes waits for it). A few unique-key lookups, like
     * {@link #lastSequenceNumberFor(String)}.
     *
     * @return empty when the aggregate has no events
     */
    public OptionalLong lastGlobalIndexOf(String aggregateIdentifier) {
        Optional<Long> last = lastSequenceNumberFor(aggregateIdentifier);
        return last.isEmpty() ? OptionalLong.empty() : globalIndexOf(aggregateIdentifier, last.get());
    }

    /**
     * The global index of the aggregate's event with this sequence number: one unique-key lookup, for a caller that
     * knows which event it wrote.
     *
     * @return empty when no such event is stored
     */
    public OptionalLong globalIndexOf(String aggregateIdentifier, long sequenceNumber) {
        BsonDocument event = eventCollection.find(eq(AGGREGATE_SEQUENCE_KEY, aggregateSequenceKey(aggregateIdentifier,
                                                                                                  sequenceNumber)))
                                            .projection(include(ID))
                                            .first();
        return event == null ? OptionalLong.empty() : OptionalLong.of(EventDocumentMapper.globalIndex(event));
    }

    private Set<Long> storedSequenceNumbers(String aggregateIdentifier, List<Long> sequenceNumbers) {
        List<String> keys = sequenceNumbers.stream()
                                           .map(sequenceNumber -> aggregateSequenceKey(aggregateIdentifier,
                                                                                       sequenceNumber))
                                           .toList();
        Set<Long> stored = new HashSet<>();
        eventCollection.find(in(AGGREGATE_SEQUENCE_KEY, keys))
              .projection(include(SEQUENCE_NUMBER))
              .forEach(document -> stored.add(EventDocumentMapper.sequenceNumber(document)));
        return stored;
    }

    private static List<Long> evenlySpacedBetween(long low, long high, int count) {
        if (high - low - 1 <= count) {
            return LongStream.range(low + 1, high).boxed().toList();
        }
        long step = (high - low) / (count + 1);
        return LongStream.rangeClosed(1, count).map(i -> low + i * step).boxed().toList();
    }

    // ---------------------------------------------------------------- tracking reads

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(@Nullable TrackingToken lastToken,
                                                                    int batchSize) {
        GapAwareTrackingToken from = lastToken == null ? tailToken() : asGapAware(lastToken);
        // Taken before reading: an index found missing is then missing at least until this instant.
        Instant now = clock.instant();
        NavigableMap<Long, StoredEvent> found = findByGlobalIndex(gapPolicy.indexesToRead(from, batchSize));
        if (found.tailMap(from.getIndex(), false).isEmpty()) {
            found.putAll(eventsAfterEmptyWindow(from.getIndex() + batchSize, batchSize));
        }
        NavigableMap<Long, Instant> reservedAt = new TreeMap<>();
        found.forEach((index, event) -> reservedAt.put(index, event.reservedAt()));

        SortedSet<Long> expiredGaps = gapPolicy.expiredGaps(from, reservedAt, now);
        GapAwareTrackingToken token = GapPolicy.withoutGaps(from, expiredGaps);
        List<Long> deliver = gapPolicy.deliverable(token, reservedAt, batchSize, now);
        if (!expiredGaps.isEmpty() && !deliver.isEmpty()) {
            logger.info("Global index(es) {} stayed empty for longer than the gap timeout of {}; tracking no longer "
                                + "waits for them", expiredGaps, gapPolicy.gapTimeout());
        }

        List<TrackedEventData<?>> batch = new ArrayList<>(deliver.size());
        for (long index : deliver) {
            token = gapPolicy.advance(token, index, reservedAt.get(index), now);
            batch.add(new TrackedDomainEventData<>(token, found.get(index).data()));
        }
        return batch;
    }

    /**
     * The events at the start of the next stored stretch, when the window of indexes up to {@code windowEnd} is empty
     * although the counter went further: a run of failed (or still running) appends. Looks ahead in growing windows
     * of {@code _id} lookups up to the counter; the cost is proportional to the length of the run, never to the size
     * of the store.
     */
    private NavigableMap<Long, StoredEvent> eventsAfterEmptyWindow(long windowEnd, int batchSize) {
        long lastReserved = sequence.lastReserved();
        long from = windowEnd + 1;
        long span = batchSize;
        while (from <= lastReserved) {
            GlobalIndexRange window = new GlobalIndexRange(from, Math.min(lastReserved, from + span - 1));
            Optional<Long> firstStored = eventCollection.find(in(ID, window.indexes()))
                                                        .projection(include(ID))
                                                        .map(EventDocumentMapper::globalIndex)
                                                        .into(new ArrayList<>())
                                                        .stream()
                                                        .min(Long::compare);
            if (firstStored.isPresent()) {
                logger.debug("No events at global indexes {}..{}; the next one is at {}", windowEnd - batchSize + 1,
                             firstStored.get() - 1, firstStored.get());
                return findByGlobalIndex(GlobalIndexRange.startingAt(firstStored.get(), batchSize).indexes());
            }
            from = window.last() + 1;
            span = Math.min(span * 2, MAX_PROBE_SPAN);
        }
        return new TreeMap<>();
    }

    private NavigableMap<Long, StoredEvent> findByGlobalIndex(Collection<Long> indexes) {
        NavigableMap<Long, StoredEvent> found = new TreeMap<>();
        storedEvents.find(in(ID, indexes)).forEach(event -> found.put(event.globalIndex(), event));
        return found;
    }

    private static GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalArgumentException(
                "Token [" + token + "] is of the wrong type; expected a GapAwareTrackingToken");
    }

    private static GapAwareTrackingToken tailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    // ---------------------------------------------------------------- tokens

    /**
     * {@inheritDoc}
     * <p>
     * The position before global index 1, the first index the counter hands out.
     */
    @Override
    public TrackingToken createTailToken() {
        return tailToken();
    }

    /**
     * {@inheritDoc}
     * <p>
     * The highest stored global index among the last {@code batchSize} reserved, with the reserved but still empty
     * indexes below it as gaps, so that appends in flight at this moment are still delivered.
     */
    @Override
    public TrackingToken createHeadToken() {
        long lastReserved = sequence.lastReserved();
        if (lastReserved == 0) {
            return tailToken();
        }
        GlobalIndexRange recent = new GlobalIndexRange(Math.max(1, lastReserved - batchSize() + 1), lastReserved);
        SortedSet<Long> stored = new TreeSet<>(findByGlobalIndex(recent.indexes()).keySet());
        if (stored.isEmpty()) {
            return GapAwareTrackingToken.newInstance(recent.first() - 1, List.of());
        }
        List<Long> inFlight = LongStream.range(recent.first(), stored.last())
                                        .filter(index -> !stored.contains(index))
                                        .boxed().toList();
        return GapAwareTrackingToken.newInstance(stored.last(), inFlight);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Exact even where global order and timestamps disagree (an event created earlier but committed later): the token
     * covers precisely the events timestamped before {@code dateTime}; events at or after it that have a lower global
     * index than some earlier event are its gaps. This read filters on the timestamp, so the embedded server scans the
     * collection; it is meant for setting up processors, not for frequent use.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long millis = EventDocumentMapper.epochMilli(dateTime);
        int nanos = EventDocumentMapper.nanosBelowMilli(dateTime);
        Bson before = or(lt(TIMESTAMP, new BsonDateTime(millis)),
                         and(eq(TIMESTAMP, new BsonDateTime(millis)), lt(TIMESTAMP_NANOS, new BsonInt32(nanos))));
        Bson atOrAfter = or(gt(TIMESTAMP, new BsonDateTime(millis)),
                            and(eq(TIMESTAMP, new BsonDateTime(millis)), gte(TIMESTAMP_NANOS, new BsonInt32(nanos))));
        BsonDocument lastBefore = eventCollection.find(before).projection(include(ID)).sort(descending(ID)).first();
        if (lastBefore == null) {
            return tailToken();
        }
        long index = EventDocumentMapper.globalIndex(lastBefore);
        List<Long> laterButLower = eventCollection.find(and(lt(ID, index), atOrAfter))
                                         .projection(include(ID))
                                         .map(EventDocumentMapper::globalIndex)
                                         .into(new ArrayList<>());
        return GapAwareTrackingToken.newInstance(index, laterButLower);
    }

    /**
     * Builder for {@link SequencedMongoEventStorageEngine}.
     * <p>
     * Required: {@link #database(MongoDatabase)} and {@link #eventSerializer(Serializer)} (a serializer that writes
     * JSON and reads Jackson trees, such as Axon's {@code JacksonSerializer}). Defaults: snapshot serializer = the event serializer; no
     * upcasters; {@link DuplicateKeyExceptionResolver}; batch size 100; gap timeout 60 s; max gap offset 10 000;
     * max ordering delay 200 ms; the system UTC clock; indexes created on build.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private @Nullable MongoDatabase database;
        private @Nullable Serializer eventSerializer;
        private @Nullable Serializer snapshotSerializer;
        private @Nullable PersistenceExceptionResolver duplicateKeyResolver = new DuplicateKeyExceptionResolver();
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private Duration maxOrderingDelay = Duration.ofMillis(200);
        private Clock clock = Clock.systemUTC();
        private boolean ensureIndexes = true;

        /** Use {@link SequencedMongoEventStorageEngine#builder()}. */
        protected Builder() {
            super.persistenceExceptionResolver(duplicateKeyResolver);
        }

        /**
         * The database holding the {@value SequencedMongoEventStorageEngine#EVENTS_COLLECTION},
         * {@value SequencedMongoEventStorageEngine#SEQUENCE_COLLECTION} and
         * {@value SequencedMongoEventStorageEngine#SNAPSHOTS_COLLECTION} collections. Required.
         *
         * @param database the database to store events in
         * @return this builder
         */
        public Builder database(MongoDatabase database) {
            this.database = requireNonNull(database, "database");
            return this;
        }

        /**
         * The serializer for payloads and metadata. Required, and it must write JSON and read Jackson trees (Axon's
         * {@code JacksonSerializer} does both): payloads and metadata are stored as embedded documents, and read back
         * as {@code JsonNode}s.
         *
         * @param eventSerializer the serializer for events
         * @return this builder
         */
        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            this.eventSerializer = eventSerializer;
            return this;
        }

        /**
         * The serializer for snapshots; must write JSON and read Jackson trees. Defaults to the event serializer.
         *
         * @param snapshotSerializer the serializer for snapshots
         * @return this builder
         */
        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            this.snapshotSerializer = snapshotSerializer;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        /**
         * Decides which storage errors are duplicate-key violations, to be reported as Axon's concurrency exceptions.
         * Defaults to a {@link DuplicateKeyExceptionResolver}; there is rarely a reason to change it.
         *
         * @param persistenceExceptionResolver the resolver, or {@code null} to report every error as an
         *                                     {@link org.axonframework.eventsourcing.eventstore.EventStoreException}
         * @return this builder
         */
        @Override
        public Builder persistenceExceptionResolver(
                @Nullable PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            this.duplicateKeyResolver = persistenceExceptionResolver;
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        /**
         * The number of events per read, both for tracking and for loading an aggregate; also the number of keys
         * looked up per read. Defaults to 100.
         *
         * @param batchSize a positive number of events
         * @return this builder
         */
        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        /**
         * How long a reserved but empty global index may still be filled by a late commit, counted from the
         * reservation of a later index. After that tracking stops waiting for it, and an event that arrives even later
         * is not delivered to processors that have passed it. Like the JDBC engine's gap timeout; defaults to 60 s.
         *
         * @param gapTimeout a positive duration
         * @return this builder
         */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = requirePositive(gapTimeout, "gapTimeout");
            return this;
        }

        /**
         * How far below the newest delivered index a gap is still tracked; lower ones are given up. Bounds the size
         * of tracking tokens and of each read, also after a long run of failed appends. Like the JDBC engine's
         * setting of the same name; defaults to 10 000.
         *
         * @param maxGapOffset a positive number of global indexes
         * @return this builder
         */
        public Builder maxGapOffset(int maxGapOffset) {
            if (maxGapOffset <= 0) {
                throw new AxonConfigurationException("maxGapOffset must be positive, was " + maxGapOffset);
            }
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /**
         * How long tracking holds back events that follow an empty global index reserved just before them. An append
         * in flight normally lands within milliseconds, so this keeps delivery in global order; an append that failed
         * costs processors this much latency once. Zero delivers at once and leaves the late event to the gap
         * mechanism. Defaults to 200 ms.
         *
         * @param maxOrderingDelay zero or a positive duration
         * @return this builder
         */
        public Builder maxOrderingDelay(Duration maxOrderingDelay) {
            requireNonNull(maxOrderingDelay, "maxOrderingDelay");
            if (maxOrderingDelay.isNegative()) {
                throw new AxonConfigurationException("maxOrderingDelay must not be negative");
            }
            this.maxOrderingDelay = maxOrderingDelay;
            return this;
        }

        /**
         * The clock the reader judges gap and ordering delays with (reservations are stamped with the database's
         * time). Defaults to the system UTC clock; tests may move it forward instead of waiting.
         *
         * @param clock the reader's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether {@link #build()} runs {@link SequencedMongoEventStorageEngine#ensureIndexes()}. Defaults to
         * {@code true}: without the unique indexes, concurrent appends are not detected. Turn it off only where the
         * indexes are managed elsewhere.
         *
         * @param ensureIndexes whether to create missing indexes on build
         * @return this builder
         */
        public Builder ensureIndexesOnBuild(boolean ensureIndexes) {
            this.ensureIndexes = ensureIndexes;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return a new engine
         * @throws AxonConfigurationException if a required setting is missing
         */
        public SequencedMongoEventStorageEngine build() {
            return new SequencedMongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is a hard requirement and should be provided");
            }
            if (eventSerializer == null) {
                throw new AxonConfigurationException(
                        "The event Serializer is a hard requirement and should be provided; it must write JSON");
            }
            if (snapshotSerializer == null) {
                snapshotSerializer(eventSerializer);
            }
            requireReadsJsonTrees(eventSerializer, "event");
            requireReadsJsonTrees(snapshotSerializer, "snapshot");
            super.validate();
        }

        /** Stored payloads reach the serializer as {@code JsonNode}s ({@link StoredJson}). */
        private static void requireReadsJsonTrees(@Nullable Serializer serializer, String role) {
            if (serializer != null && !serializer.getConverter().canConvert(JsonNode.class, byte[].class)) {
                throw new AxonConfigurationException("The " + role + " serializer " + serializer.getClass().getName()
                        + " cannot read Jackson trees (JsonNode), the form stored payloads are read in; use Axon's"
                        + " JacksonSerializer");
            }
        }

        private MongoDatabase database() {
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is a hard requirement and should be provided");
            }
            return database;
        }

        private static <T> T requireNonNull(@Nullable T value, String name) {
            if (value == null) {
                throw new AxonConfigurationException(name + " may not be null");
            }
            return value;
        }

        private static Duration requirePositive(@Nullable Duration duration, String name) {
            if (requireNonNull(duration, name).isNegative() || duration.isZero()) {
                throw new AxonConfigurationException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
