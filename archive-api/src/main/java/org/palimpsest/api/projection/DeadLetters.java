package org.palimpsest.api.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.DeadLetterEntry;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.history.ParkedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projections' dead-letter queues: Axon's {@link MongoSequencedDeadLetterQueue}, one per processing group, all in
 * one collection of the archive database ({@value #COLLECTION}), written with its durable write concern because a
 * parked event whose letter were lost would be skipped for good once the processor's token moved past it. Besides the
 * queues it reads the letters without their payloads (a parked document can be megabytes) for the admin API and the
 * views, and hands the letters of a rebuild over to the live projection.
 */
public class DeadLetters {

    public static final String COLLECTION = "dead_letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String GROUP = "processingGroup";
    private static final String SEQUENCE = "sequenceIdentifier";
    private static final String INDEX = "index";
    /** Everything of a letter but the event's payload and metadata. */
    private static final Bson WITHOUT_PAYLOAD = Projections.exclude("message.serializedPayload", "message.serializedMetaData");

    private final MongoDatabase database;
    private final MongoCollection<Document> letters;
    private final Serializer serializer;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();

    /** @param serializer the events' serializer: a letter holds the event as the event store does */
    public DeadLetters(MongoDatabase archiveDatabase, Serializer serializer) {
        this.database = archiveDatabase;
        this.letters = archiveDatabase.getCollection(COLLECTION);
        this.serializer = serializer;
    }

    /** What a processor does with an event its handlers throw on: park it, unless the store itself failed. */
    public static EnqueuePolicy<EventMessage<?>> parkingPolicy() {
        return new ParkingPolicy();
    }

    /** The queue of {@code processingGroup}, made on first use. */
    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return queues.computeIfAbsent(processingGroup, group -> new OncePerEventQueue(
                MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build()
                                .withDeadLetterCollection(COLLECTION))
                        .serializer(serializer),
                letters, group));
    }

    /** Every parked event of {@code processingGroup}, by sequence, each sequence in its order. */
    public List<ParkedEvent> parked(String processingGroup) {
        return read(Filters.eq(GROUP, processingGroup));
    }

    /** Every parked event of {@code sequence} (a document id, say), in any processing group. */
    public List<ParkedEvent> parkedInSequence(String sequence) {
        return read(Filters.eq(SEQUENCE, sequence));
    }

    /** Every parked event of every processing group. */
    public List<ParkedEvent> all() {
        return read(Filters.empty());
    }

    /**
     * The live projection {@code group} adopts a rebuild's letters: its own are dropped (they were parked against the
     * collections the rebuild replaces, whose events the rebuild has projected afresh or parked itself) and the
     * rebuild's become its own. Called while the live processor is stopped.
     */
    public void handOver(String rebuildGroup, String group) {
        long dropped = letters.deleteMany(Filters.eq(GROUP, group)).getDeletedCount();
        long moved = letters.updateMany(Filters.eq(GROUP, rebuildGroup), Updates.set(GROUP, group)).getModifiedCount();
        queues.remove(rebuildGroup);
        if (dropped + moved > 0) {
            log.warn("projection {} adopts {} parked events from its rebuild and drops {} of its own", group, moved, dropped);
        }
    }

    /** Forgets the letters of a rebuild that failed (its collections are dropped too). */
    public void discard(String processingGroup) {
        letters.deleteMany(Filters.eq(GROUP, processingGroup));
        queues.remove(processingGroup);
    }

    private List<ParkedEvent> read(Bson filter) {
        List<ParkedEvent> found = new ArrayList<>();
        for (Document letter : letters.find(filter).projection(WITHOUT_PAYLOAD)
                .sort(Sorts.ascending(GROUP, SEQUENCE, INDEX))) {
            found.add(parkedEvent(letter));
        }
        return found;
    }

    private ParkedEvent parkedEvent(Document letter) {
        DeadLetterEntry entry = new DeadLetterEntry(letter);
        Document message = letter.get("message", Document.class);
        String type = message.getString("payloadType");
        MetaData diagnostics = serializer.deserialize(entry.getDiagnostics());
        Object retries = diagnostics == null ? null : diagnostics.get(ParkingPolicy.RETRIES);
        return new ParkedEvent(entry.getProcessingGroup(), entry.getSequenceIdentifier(), entry.getIndex(),
                simpleName(type), position(message),
                DateTimeUtils.parseInstant(message.getString("timestamp")), entry.getEnqueuedAt(), entry.getLastTouched(),
                entry.getCauseType(), entry.getCauseMessage(), retries instanceof Number n ? n.intValue() : 0);
    }

    private static String simpleName(@Nullable String type) {
        return type == null ? "unknown" : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private @Nullable Long position(Document message) {
        Object token = message.get("token");
        String tokenType = message.getString("tokenType");
        if (!(token instanceof Binary binary) || tokenType == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(binary.getData(), byte[].class, tokenType, null));
        return tracking == null ? null : tracking.position().stream().boxed().findFirst().orElse(null);
    }

    /**
     * A queue that parks an event once: a batch that fails after a letter was written (the store failed on a later
     * event, say) is processed again, and the handler's failure would otherwise park the same event a second time.
     */
    private static final class OncePerEventQueue extends MongoSequencedDeadLetterQueue<EventMessage<?>> {

        private final MongoCollection<Document> letters;
        private final String group;

        OncePerEventQueue(Builder<EventMessage<?>> builder, MongoCollection<Document> letters, String group) {
            super(builder);
            this.letters = letters;
            this.group = group;
        }

        @Override
        public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
            if (sequenceIdentifier instanceof String sequence && letters.countDocuments(Filters.and(
                    Filters.eq(GROUP, group), Filters.eq(SEQUENCE, sequence),
                    Filters.eq("message.eventIdentifier", letter.message().getIdentifier()))) > 0) {
                return;
            }
            super.enqueue(sequenceIdentifier, letter);
        }
    }
}
