package org.palimpsest.api.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.eventstore.SequencedMongoEventStorageEngine;
import org.palimpsest.archive.provenance.Actors;

import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;

/**
 * Our event storage engine against the raw driver on the same store: appends in batches of 100 against
 * {@code insertMany} of documents of the stored events' size, the tracking read (what a processor does) against a
 * sorted {@code find} over the same collection, and the tracking rate with 20k and with 200k events stored.
 * <p>
 * The raw documents go into a collection with the unique indexes every Axon event store declares, on
 * {@code (aggregateIdentifier, sequenceNumber)} and on {@code eventIdentifier} (Axon's JDBC and JPA schemas, its
 * MongoDB extension): without them a store cannot refuse a concurrent append, so an index-free collection measures
 * a heap of documents, not an event store. On the embedded server a unique index costs an insert about as much as
 * the document itself, so the index-free rate is kept as a figure of its own. The three writers take turns batch by
 * batch: on a shared machine a load that comes and goes for a minute (a commit waiting 40 ms for the disk instead of
 * 2) then falls on all three alike instead of on whichever ran in that minute.
 */
final class EngineBench {

    private static final String EVENTS = SequencedMongoEventStorageEngine.EVENTS_COLLECTION;

    record Rates(int small, int large, double append, double insertMany, double insertManyUnindexed,
                 double trackingSmall, double findSmall, double trackingLarge, double findLarge, int eventBytes) {
    }

    /** The unique indexes of an Axon event store, which the raw reference collection carries too. */
    static final List<List<String>> EVENT_STORE_UNIQUE_KEYS =
            List.of(List.of("aggregateIdentifier", "sequenceNumber"), List.of("eventIdentifier"));

    private final RawStore store;
    private final SequencedMongoEventStorageEngine engine;
    private final Progress progress;
    private final String text;
    private static final Instant RETRIEVED = Instant.parse("2024-03-06T08:00:00Z");

    EngineBench(RawStore store, Serializer serializer, Serializer eventSerializer, Progress progress) {
        this.store = store;
        this.progress = progress;
        this.engine = SequencedMongoEventStorageEngine.builder()
                .database(store.database())
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        // A re-imported paragraph of about 1 KB: a typical event of this archive is larger than a counter bump.
        this.text = MixtureText.paragraph(new java.util.Random(7), MixtureText.Language.EN, 1_000);
    }

    Rates measure(int small, int large) {
        progress.step("engine append vs raw insertMany, with and without an event store's unique indexes: "
                + String.format("%,d", small) + " each, batch by batch in turn");
        store.createUniqueIndexes("raw_events", EVENT_STORE_UNIQUE_KEYS);
        long engineNanos = 0;
        long indexedNanos = 0;
        long unindexedNanos = 0;
        @Nullable Document stored = null;
        for (int from = 0; from < small; from += RawStore.BATCH) {
            int to = Math.min(small, from + RawStore.BATCH);
            // Each side's documents are made before its clock starts: the engine's messages here, the raw copies below.
            List<EventMessage<?>> messages = messages(from, to);
            long started = System.nanoTime();
            engine.appendEvents(messages);
            engineNanos += System.nanoTime() - started;
            if (stored == null) {
                stored = store.database().getCollection(EVENTS).find().sort(ascending("_id")).first();
                if (stored == null) {
                    throw new IllegalStateException("the engine stored nothing");
                }
            }
            indexedNanos += insertMany("raw_events", copies(stored, from, to));
            unindexedNanos += insertMany("raw_unindexed", copies(stored, from, to));
            progress.count("appended and inserted", to, small);
        }
        double append = small / (engineNanos / 1e9);
        double insertMany = small / (indexedNanos / 1e9);
        double insertManyUnindexed = small / (unindexedNanos / 1e9);
        org.bson.RawBsonDocument storedBytes = store.database().getCollection(EVENTS, org.bson.RawBsonDocument.class)
                .find().sort(ascending("_id")).first();
        int eventBytes = storedBytes == null ? 0 : storedBytes.getByteBuffer().remaining();
        long first = ((Number) stored.get("_id")).longValue();
        progress.step("tracking read vs find with " + String.format("%,d", small) + " events stored");
        double[] readsSmall = trackingBesideFind(first, small);
        progress.step("engine: appending up to " + String.format("%,d", large) + " events");
        append(small, large);
        long last = lastIndex();
        long windowStart = last - small + 1;
        progress.step("tracking read vs find of the last " + String.format("%,d", small) + " with "
                + String.format("%,d", large) + " events stored");
        double[] readsLarge = trackingBesideFind(windowStart, small);
        return new Rates(small, large, append, insertMany, insertManyUnindexed, readsSmall[0], readsSmall[1],
                readsLarge[0], readsLarge[1], eventBytes);
    }

    /** Appends events {@code from} to {@code to}, 100 per call to the engine, one aggregate per batch. */
    private void append(int from, int to) {
        for (int batch = from; batch < to; batch += RawStore.BATCH) {
            engine.appendEvents(messages(batch, Math.min(to, batch + RawStore.BATCH)));
            progress.count("appended", Math.min(to, batch + RawStore.BATCH) - from, to - from);
        }
    }

    /** Events {@code from} to {@code to} (at most a batch) as the stream of one new aggregate. */
    private List<EventMessage<?>> messages(int from, int to) {
        MetaData actor = MetaData.with(Actors.METADATA_KEY, "cli:bench");
        DocumentSource source = new DocumentSource("https://example.org/bench/engine", "bench", RETRIEVED);
        String aggregate = UUID.randomUUID().toString();
        List<EventMessage<?>> batch = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            int seq = batch.size();
            String body = text + " (" + n + ")";
            batch.add(new GenericDomainEventMessage<>("Document", aggregate, seq,
                    new DocumentReimported(aggregate, source, "Engine bench", "en", "2024-03-06", body,
                            ContentHash.of(body), seq, "cli:bench"), actor));
        }
        return batch;
    }

    /** Nanoseconds one acknowledged {@code insertMany} of {@code documents} took. */
    private long insertMany(String collection, List<Document> documents) {
        long started = System.nanoTime();
        store.database().getCollection(collection).insertMany(documents);
        return System.nanoTime() - started;
    }

    private static List<Document> copies(Document stored, int from, int to) {
        List<Document> copies = new ArrayList<>(to - from);
        for (int n = from; n < to; n++) {
            copies.add(copy(stored, n));
        }
        return copies;
    }

    /**
     * The tracking read and the sorted find of the same {@code count} events, each twice and in turn, so that a load
     * that comes and goes falls on both; their rates over both rounds.
     */
    private double[] trackingBesideFind(long from, int count) {
        double trackingSeconds = 0;
        double findSeconds = 0;
        for (int round = 0; round < 2; round++) {
            trackingSeconds += count / tracking(from, count);
            findSeconds += count / store.find(EVENTS, from, count);
        }
        return new double[] {2 * count / trackingSeconds, 2 * count / findSeconds};
    }

    /** Events per second read through the engine from a token just before {@code from}, payloads deserialized. */
    private double tracking(long from, int count) {
        @Nullable TrackingToken token = from <= 0 ? null : GapAwareTrackingToken.newInstance(from - 1, List.of());
        Stopwatch watch = Stopwatch.start();
        int read = 0;
        while (read < count) {
            int before = read;
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
                java.util.Iterator<? extends TrackedEventMessage<?>> batch = events.limit(count - read).iterator();
                while (batch.hasNext()) {
                    TrackedEventMessage<?> event = batch.next();
                    event.getPayload();
                    token = event.trackingToken();
                    read++;
                }
            }
            if (read == before) {
                throw new IllegalStateException("the tracking read stopped after " + read + " of " + count + " events");
            }
        }
        return watch.rate(count);
    }

    private long lastIndex() {
        Document last = store.database().getCollection(EVENTS).find().sort(descending("_id")).first();
        if (last == null) {
            throw new IllegalStateException("no events stored");
        }
        return ((Number) last.get("_id")).longValue();
    }

    private static Document copy(Document stored, int n) {
        Document copy = new Document(stored);
        copy.remove("_id");
        copy.put("sequenceNumber", (long) n);
        copy.put("aggregateSequenceKey", copy.get("aggregateIdentifier") + "#" + n);
        copy.put("eventIdentifier", UUID.randomUUID().toString());
        return copy;
    }
}
