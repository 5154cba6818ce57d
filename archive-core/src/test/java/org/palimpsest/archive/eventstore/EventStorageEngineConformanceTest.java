package org.palimpsest.archive.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every MongoDB server must give {@link SequencedMongoEventStorageEngine}, run against the embedded
 * server here and against real MongoDB wherever a subclass provides one.
 * <p>
 * A subclass provides a fresh database per test and a way to restart its server. It should release its resources in
 * {@link #releaseDatabase()}, which runs after the processors and event stores of the test are shut down, rather
 * than in an {@code @AfterEach} of its own, which JUnit would run first.
 */
public abstract class EventStorageEngineConformanceTest {

    private static final Logger logger = LoggerFactory.getLogger(EventStorageEngineConformanceTest.class);
    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final String AGGREGATE_TYPE = "Document";
    private static final Serializer SERIALIZER = jacksonSerializer();

    /** Moved forward by tests that need a timeout to have passed; the engines judge gap timeouts by it. */
    protected final MovableClock readerClock = new MovableClock();

    private final List<Runnable> shutdownHooks = new ArrayList<>();
    private @Nullable MongoDatabase database;

    /**
     * A fresh, empty database for one test, starting the server if needed. Called at most once per test, on first
     * use.
     *
     * @return an empty database
     */
    protected abstract MongoDatabase createEmptyDatabase();

    /**
     * Shuts the server down and starts it again on the same data; connections and handles from before stop working.
     *
     * @return the test's database on a new connection
     */
    protected abstract MongoDatabase restartServer();

    /** Releases the test's database and server; runs after everything the test started has been shut down. */
    protected void releaseDatabase() {
    }

    /**
     * The number of documents the server has examined so far, for a deterministic read-cost check.
     *
     * @return a running total over all collections, or empty if the server cannot tell
     */
    protected OptionalLong documentsExamined() {
        return OptionalLong.empty();
    }

    @AfterEach
    final void shutDownAndRelease() {
        try {
            Collections.reverse(shutdownHooks);
            shutdownHooks.forEach(Runnable::run);
        } finally {
            if (database != null) {
                releaseDatabase();
            }
        }
    }

    // ------------------------------------------------------------------ 1. append and read back

    @Test
    void appendedStreamReadsBackExactlyWithPayloadStoredAsQueryableDocument() {
        SequencedMongoEventStorageEngine engine = engine().build();
        DocumentImported imported = new DocumentImported(
                "doc-1", "Corvid Labs newsletter", new Source("https://example.org/n/1", "Corvid Labs"),
                new BigDecimal("0.950"), 9_000_000_000L, 0.1, List.of("newsletter", "ko"),
                Map.of("source.uri", "dotted key", "$weird", "dollar key", "50%", "percent key"),
                Instant.parse("2024-03-01T10:15:30.123456789Z"));
        List<DomainEventMessage<?>> appended = List.of(
                event("doc-1", 0, imported),
                event("doc-1", 1, new TextCorrected("doc-1", 1, "fixed")),
                event("doc-1", 2, new TextCorrected("doc-1", 2, "fixed again")));
        engine.appendEvents(appended);

        List<? extends DomainEventMessage<?>> read = engine.readEvents("doc-1").asStream().toList();

        assertThat(read).hasSize(3);
        for (int i = 0; i < appended.size(); i++) {
            DomainEventMessage<?> expected = appended.get(i);
            DomainEventMessage<?> actual = read.get(i);
            assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getAggregateIdentifier()).isEqualTo("doc-1");
            assertThat(actual.getType()).isEqualTo(AGGREGATE_TYPE);
            assertThat(actual.getSequenceNumber()).isEqualTo(i);
            assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp());
            assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
            assertThat(actual.getMetaData()).isEqualTo(expected.getMetaData());
        }
        assertThat(engine.lastSequenceNumberFor("doc-1")).contains(2L);

        Document stored = rawEvents().find(Filters.eq("payload.source.publisher", "Corvid Labs")).first();
        assertThat(stored).as("payload fields are queryable").isNotNull();
        assertThat(stored.get("_id")).isEqualTo(1L);
        assertThat(stored.getString("payloadType")).isEqualTo(DocumentImported.class.getName());
        assertThat(stored.getString("payloadRevision")).isEqualTo("1");
        assertThat(stored.get("timestamp")).isInstanceOf(Date.class);
        Document payload = stored.get("payload", Document.class);
        assertThat(payload.get("confidence")).as("exact decimal").isEqualTo(new Decimal128(new BigDecimal("0.950")));
        assertThat(payload.get("words")).isEqualTo(9_000_000_000L);
        assertThat(stored.get("metaData", Document.class).getString("actor")).isEqualTo("alice");
        assertThat(rawEvents().countDocuments(Filters.eq("payload.revision", 2))).isEqualTo(1);
    }

    @Test
    void anEventsGlobalIndexIsFoundByItsAggregateAndSequenceNumber() {
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(event("other", 0, new TextCorrected("other", 0, "first")));
        engine.appendEvents(event("doc-1", 0, new TextCorrected("doc-1", 0, "a")),
                            event("doc-1", 1, new TextCorrected("doc-1", 1, "b")));

        assertThat(engine.globalIndexOf("doc-1", 0)).hasValue(2);
        assertThat(engine.globalIndexOf("doc-1", 1)).hasValue(3);
        assertThat(engine.lastGlobalIndexOf("doc-1")).hasValue(3);
        assertThat(engine.globalIndexOf("doc-1", 2)).isEmpty();
        assertThat(engine.globalIndexOf("never-written", 0)).isEmpty();
    }

    @Test
    void eventsWithoutAggregateAreStoredAndTracked() {
        SequencedMongoEventStorageEngine engine = engine().build();
        EventMessage<?> notice = GenericEventMessage.asEventMessage(new SystemNotice("maintenance at noon"));
        engine.appendEvents(List.of(notice, GenericEventMessage.asEventMessage(new SystemNotice("done"))));

        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(engine.createTailToken(), false).toList();

        assertThat(tracked).extracting(EventMessage::getIdentifier).first().isEqualTo(notice.getIdentifier());
        assertThat(payloads(tracked)).containsExactly(new SystemNotice("maintenance at noon"),
                                                      new SystemNotice("done"));
        assertThat(tracked).noneMatch(DomainEventMessage.class::isInstance);
    }

    // ------------------------------------------------------------------ 2. optimistic concurrency

    @Test
    void concurrentAppendsAtTheSameSequenceLetExactlyOneWriterWin() throws Exception {
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(List.of(event("doc-1", 0, new TextCorrected("doc-1", 0, "original"))));

        List<Outcome> outcomes = runConcurrently(8, writer -> () -> engine.appendEvents(List.of(
                event("doc-1", 1, new TextCorrected("doc-1", 1, "writer " + writer)),
                event("doc-1", 2, new TextCorrected("doc-1", 2, "writer " + writer)))));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).hasSize(7)
                            .allSatisfy(outcome -> assertThat(outcome.failure())
                                    .isInstanceOf(ConcurrencyException.class));
        int winner = outcomes.indexOf(outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow());
        assertThat(payloads(engine.readEvents("doc-1").asStream().toList()))
                .containsExactly(new TextCorrected("doc-1", 0, "original"),
                                 new TextCorrected("doc-1", 1, "writer " + winner),
                                 new TextCorrected("doc-1", 2, "writer " + winner));
        assertThat(rawEvents().countDocuments()).isEqualTo(3);
    }

    @Test
    void concurrentWritersNeverShareAGlobalIndex() throws Exception {
        SequencedMongoEventStorageEngine engine = engine().build();
        int writers = 4;
        int appendsPerWriter = 100;

        List<Outcome> outcomes = runConcurrently(writers, writer -> () -> {
            for (int append = 0; append < appendsPerWriter; append++) {
                String aggregate = "writer-" + writer + "-" + append;
                engine.appendEvents(List.of(event(aggregate, 0, new TextCorrected(aggregate, 0, "text"))));
            }
        });

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(new HashSet<>(globalIndexByEventIdentifier().values()))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, (long) writers * appendsPerWriter).boxed().toList());
    }

    @Test
    void concurrentCreationOfTheSameAggregateFailsForAllButOne() throws Exception {
        SequencedMongoEventStorageEngine engine = engine().build();

        List<Outcome> outcomes = runConcurrently(8, writer -> () -> engine.appendEvents(List.of(
                event("doc-new", 0, new TextCorrected("doc-new", 0, "writer " + writer)))));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).hasSize(7)
                            .allSatisfy(outcome -> assertThat(outcome.failure())
                                    .isInstanceOf(AggregateStreamCreationException.class));
        assertThat(engine.readEvents("doc-new").asStream().count()).isEqualTo(1);
    }

    @Test
    void appendsConflictingOnTheirSecondEventLeaveNothingHalfWritten() throws Exception {
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(List.of(event("contested", 0, new TextCorrected("contested", 0, "original"))));

        // each append first creates its own aggregate, then competes for sequence 1 of the contested one
        List<Outcome> outcomes = runConcurrently(8, writer -> () -> engine.appendEvents(List.of(
                event("own-" + writer, 0, new TextCorrected("own-" + writer, 0, "first")),
                event("own-" + writer, 1, new TextCorrected("own-" + writer, 1, "second")),
                event("contested", 1, new TextCorrected("contested", 1, "writer " + writer)))));

        assertThat(outcomes).hasSize(8).filteredOn(Outcome::succeeded).hasSize(1);
        for (int writer = 0; writer < outcomes.size(); writer++) {
            long ownEvents = engine.readEvents("own-" + writer).asStream().count();
            if (outcomes.get(writer).succeeded()) {
                assertThat(ownEvents).isEqualTo(2);
            } else {
                assertThat(outcomes.get(writer).failure()).isInstanceOf(ConcurrencyException.class);
                assertThat(ownEvents).as("events of writer %d's failed append", writer).isZero();
                assertThat(engine.lastSequenceNumberFor("own-" + writer)).isEmpty();
            }
        }
        assertThat(rawEvents().countDocuments()).isEqualTo(1 + 3);
        readerClock.advance(Duration.ofSeconds(1)); // past the ordering delay for the losers' unused indexes
        assertThat(engine.readEvents(engine.createTailToken(), false).count()).isEqualTo(4);
    }

    @Test
    void eachUniquenessRuleHasExactlyOneUniqueIndex() {
        engine().build();

        assertThat(uniqueIndexKeys()).containsExactlyInAnyOrder(List.of("_id"), List.of("aggregateSequenceKey"),
                                                               List.of("eventIdentifier"));
    }

    @Test
    void aStoreFromBeforeLosesTheRedundantCompoundIndexAndStillRefusesASecondEventAtTheSameSequence() {
        rawEvents().createIndex(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                                new IndexOptions().unique(true)
                                                  .name(SequencedMongoEventStorageEngine.REDUNDANT_COMPOUND_INDEX));
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(List.of(event("doc-1", 0, new TextCorrected("doc-1", 0, "first"))));

        assertThat(uniqueIndexKeys()).doesNotContain(List.of("aggregateIdentifier", "sequenceNumber"));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("doc-1", 0, new TextCorrected("doc-1", 0, "again")))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("doc-1", 1, new TextCorrected("doc-1", 1, "next")),
                                                             event("doc-1", 1, new TextCorrected("doc-1", 1, "twice")))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(payloads(engine.readEvents("doc-1").asStream().toList()))
                .containsExactly(new TextCorrected("doc-1", 0, "first"));
        engine().build(); // a second instance starting on the store finds nothing left to drop
        assertThat(uniqueIndexKeys()).hasSize(3);
    }

    private List<List<String>> uniqueIndexKeys() {
        List<List<String>> unique = new ArrayList<>();
        for (Document index : rawEvents().listIndexes()) {
            // _id is unique without saying so
            if (Boolean.TRUE.equals(index.get("unique")) || "_id_".equals(index.getString("name"))) {
                unique.add(List.copyOf(index.get("key", Document.class).keySet()));
            }
        }
        return unique;
    }

    @Test
    void counterBehindTheStoredEventsIsReportedAsAStoreFailureNotAsAConflict() {
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(List.of(event("doc-1", 0, new TextCorrected("doc-1", 0, "kept"))));
        database().getCollection(SequencedMongoEventStorageEngine.SEQUENCE_COLLECTION)
                  .updateMany(new Document(), new Document("$set", new Document("value", 0L)));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("doc-2", 0, new TextCorrected("doc-2", 0, "x")))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("already taken");
        assertThat(payloads(engine.readEvents("doc-1").asStream().toList()))
                .as("the event holding the index is untouched")
                .containsExactly(new TextCorrected("doc-1", 0, "kept"));
    }

    // ------------------------------------------------------------------ 3. a live processor

    @Test
    void trackingProcessorSeesConcurrentAppendsExactlyOnceInGlobalOrder() throws Exception {
        SequencedMongoEventStorageEngine engine = engine().maxOrderingDelay(Duration.ofSeconds(5)).build();
        EmbeddedEventStore eventStore = eventStore(engine);
        Recorder recorder = new Recorder();
        TrackingEventProcessor processor = startProcessor("order", eventStore, recorder);
        int writers = 2;
        int appendsPerWriter = 60;

        List<Outcome> outcomes = runConcurrently(writers, writer -> () -> {
            for (int append = 0; append < appendsPerWriter; append++) {
                String aggregate = "writer-" + writer + "-doc-" + (append % 6);
                long sequence = (append / 6) * 2L;
                eventStore.publish(event(aggregate, sequence, new TextCorrected(aggregate, (int) sequence, "a")),
                                   event(aggregate, sequence + 1, new TextCorrected(aggregate, (int) sequence, "b")));
            }
        });
        assertThat(outcomes).allMatch(Outcome::succeeded);
        int expected = writers * appendsPerWriter * 2;
        await("processor caught up", () -> recorder.handled.size() >= expected);

        assertThat(processor.isError()).isFalse();
        List<String> seen = recorder.handled.stream().map(Handled::eventIdentifier).toList();
        assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
        Map<String, Long> globalIndexes = globalIndexByEventIdentifier();
        List<Long> seenIndexes = seen.stream().map(globalIndexes::get).toList();
        assertThat(seenIndexes).as("global indexes in order of handling").isSorted();
        assertThat(seenIndexes).containsExactlyElementsOf(
                globalIndexes.values().stream().sorted().toList());
    }

    // ------------------------------------------------------------------ 4. gaps

    @Test
    void gapOfAFailedAppendDoesNotStallTrackingAndIsDroppedAfterTheGapTimeout() {
        Duration gapTimeout = Duration.ofSeconds(10);
        SequencedMongoEventStorageEngine engine = engine().gapTimeout(gapTimeout).build();
        engine.appendEvents(List.of(event("doc-a", 0, new TextCorrected("doc-a", 0, "a"))));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("doc-a", 0, new TextCorrected("doc-a", 0, "x")))))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(List.of(event("doc-b", 0, new TextCorrected("doc-b", 0, "b"))));
        readerClock.advance(Duration.ofSeconds(1)); // past the ordering delay, within the gap timeout

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(engine.createTailToken(), false).toList();

        assertThat(payloads(first)).containsExactly(new TextCorrected("doc-a", 0, "a"),
                                                    new TextCorrected("doc-b", 0, "b"));
        GapAwareTrackingToken afterFirst = gapAware(first.get(1).trackingToken());
        assertThat(afterFirst.getIndex()).isEqualTo(3);
        assertThat(afterFirst.getGaps()).containsExactly(2L);

        engine.appendEvents(List.of(event("doc-c", 0, new TextCorrected("doc-c", 0, "c"))));
        GapAwareTrackingToken withinTimeout = gapAware(onlyEvent(engine.readEvents(afterFirst, false).toList())
                                                               .trackingToken());
        assertThat(withinTimeout.getGaps()).as("gap kept while a late commit is possible").containsExactly(2L);

        readerClock.advance(gapTimeout);
        engine.appendEvents(List.of(event("doc-d", 0, new TextCorrected("doc-d", 0, "d"))));
        TrackedEventMessage<?> afterTimeout = onlyEvent(engine.readEvents(withinTimeout, false).toList());

        assertThat(afterTimeout.getPayload()).isEqualTo(new TextCorrected("doc-d", 0, "d"));
        assertThat(gapAware(afterTimeout.trackingToken()).getGaps()).as("gap given up").isEmpty();
    }

    @Test
    void eventCommittedLateWithinTheGapTimeoutIsStillDelivered() throws Exception {
        DomainEventMessage<?> late = event("doc-late", 0, new TextCorrected("doc-late", 0, "late"));
        InsertGate gate = new InsertGate(late.getIdentifier());
        SequencedMongoEventStorageEngine engine = engine().build();
        SequencedMongoEventStorageEngine slowWriter = engine(gate.guard(database())).build();
        engine.appendEvents(List.of(event("doc-early", 0, new TextCorrected("doc-early", 0, "early"))));

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> lateAppend = executor.submit(() -> slowWriter.appendEvents(List.of(late)));
            gate.awaitHeld(AWAIT);
            engine.appendEvents(List.of(event("doc-on-time", 0, new TextCorrected("doc-on-time", 0, "on time"))));
            readerClock.advance(Duration.ofSeconds(1)); // past the ordering delay, within the gap timeout

            List<? extends TrackedEventMessage<?>> before = engine.readEvents(engine.createTailToken(), false).toList();
            assertThat(payloads(before)).containsExactly(new TextCorrected("doc-early", 0, "early"),
                                               new TextCorrected("doc-on-time", 0, "on time"));
            GapAwareTrackingToken token = gapAware(before.get(1).trackingToken());
            assertThat(token.getGaps()).containsExactly(2L);

            gate.open();
            lateAppend.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
            TrackedEventMessage<?> filled = onlyEvent(engine.readEvents(token, false).toList());

            assertThat(filled.getIdentifier()).isEqualTo(late.getIdentifier());
            assertThat(gapAware(filled.trackingToken())).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
        } finally {
            gate.open();
            executor.shutdownNow();
        }
    }

    @Test
    void longRunOfFailedAppendsDoesNotStallTrackingNorBloatTheToken() {
        int batchSize = 10;
        int maxGapOffset = 20;
        SequencedMongoEventStorageEngine engine = engine().batchSize(batchSize).maxGapOffset(maxGapOffset)
                                                          .gapTimeout(Duration.ofSeconds(10)).build();
        engine.appendEvents(List.of(event("contested", 0, new TextCorrected("contested", 0, "first"))));
        // 5 batches' worth of indexes reserved and released by one append that fails on its last event
        List<DomainEventMessage<?>> failing = new ArrayList<>();
        for (int sequence = 0; sequence < 5 * batchSize - 1; sequence++) {
            failing.add(event("doomed", sequence, new TextCorrected("doomed", sequence, "never stored")));
        }
        failing.add(event("contested", 0, new TextCorrected("contested", 0, "clash")));
        assertThatThrownBy(() -> engine.appendEvents(failing)).isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(List.of(event("after", 0, new TextCorrected("after", 0, "after the run"))));
        GapAwareTrackingToken beforeRun = GapAwareTrackingToken.newInstance(1, List.of());

        readerClock.advance(Duration.ofSeconds(1)); // within the gap timeout: skipped indexes are kept as gaps
        TrackedEventMessage<?> recent = onlyEvent(engine.readEvents(beforeRun, false).toList());
        assertThat(recent.getPayload()).isEqualTo(new TextCorrected("after", 0, "after the run"));
        assertThat(gapAware(recent.trackingToken()).getIndex()).isEqualTo(2 + 5 * batchSize);
        assertThat(gapAware(recent.trackingToken()).getGaps()).hasSizeLessThanOrEqualTo(maxGapOffset);

        readerClock.advance(Duration.ofSeconds(10)); // past the gap timeout: nothing left to wait for
        TrackedEventMessage<?> old = onlyEvent(engine.readEvents(beforeRun, false).toList());
        assertThat(gapAware(old.trackingToken()).getGaps()).isEmpty();
    }

    // ------------------------------------------------------------------ 5. snapshots

    @Test
    void latestSnapshotIsKeptAndLoadedWithTheEventsAfterIt() {
        SequencedMongoEventStorageEngine engine = engine().build();
        EmbeddedEventStore eventStore = eventStore(engine);
        for (int sequence = 0; sequence < 5; sequence++) {
            engine.appendEvents(List.of(event("doc-1", sequence,
                                              new TextCorrected("doc-1", sequence, "r" + sequence))));
        }

        engine.storeSnapshot(snapshot("doc-1", 2, new DocumentState("doc-1", 2, "r2")));
        assertThat(engine.readSnapshot("doc-1")).map(snapshot -> (Object) snapshot.getPayload())
                                                .contains(new DocumentState("doc-1", 2, "r2"));
        engine.storeSnapshot(snapshot("doc-1", 3, new DocumentState("doc-1", 3, "r3")));
        engine.storeSnapshot(snapshot("doc-1", 1, new DocumentState("doc-1", 1, "r1"))); // older: ignored

        DomainEventMessage<?> latest = engine.readSnapshot("doc-1").orElseThrow();
        assertThat(latest.getSequenceNumber()).isEqualTo(3);
        assertThat(latest.getPayload()).isEqualTo(new DocumentState("doc-1", 3, "r3"));
        assertThat(latest.getAggregateIdentifier()).isEqualTo("doc-1");
        assertThat(database().getCollection(SequencedMongoEventStorageEngine.SNAPSHOTS_COLLECTION).countDocuments())
                .isEqualTo(1);
        assertThat(payloads(eventStore.readEvents("doc-1").asStream().toList()))
                .containsExactly(new DocumentState("doc-1", 3, "r3"), new TextCorrected("doc-1", 4, "r4"));
        assertThat(engine.readSnapshot("doc-unknown")).isEmpty();
    }

    // ------------------------------------------------------------------ 6. tokens

    @Test
    void tailHeadAndTimeTokensSelectExactlyTheEventsTheyPromise() {
        SequencedMongoEventStorageEngine engine = engine().build();
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        // global order and time disagree for e2/e3; e3 and e4 differ by less than a millisecond
        DomainEventMessage<?> e1 = eventAt("doc-1", 0, t.plusMillis(1));
        DomainEventMessage<?> e2 = eventAt("doc-2", 0, t.plusMillis(3));
        DomainEventMessage<?> e3 = eventAt("doc-3", 0, t.plusMillis(2));
        DomainEventMessage<?> e4 = eventAt("doc-4", 0, t.plusMillis(2).plusNanos(500));
        DomainEventMessage<?> e5 = eventAt("doc-5", 0, t.plusMillis(4));
        for (DomainEventMessage<?> event : List.of(e1, e2, e3, e4, e5)) {
            engine.appendEvents(List.of(event));
        }

        assertThat(idsFrom(engine, engine.createTailToken())).containsExactly(ids(e1, e2, e3, e4, e5));
        assertThat(idsFrom(engine, engine.createTokenAt(t))).containsExactly(ids(e1, e2, e3, e4, e5));
        assertThat(idsFrom(engine, engine.createTokenAt(t.plusMillis(2)))).containsExactly(ids(e2, e3, e4, e5));
        assertThat(idsFrom(engine, engine.createTokenAt(t.plusMillis(2).plusNanos(1))))
                .containsExactly(ids(e2, e4, e5));
        assertThat(idsFrom(engine, engine.createTokenAt(t.plusMillis(3)))).containsExactly(ids(e2, e5));
        assertThat(idsFrom(engine, engine.createTokenAt(t.plusMillis(5)))).isEmpty();

        TrackingToken head = engine.createHeadToken();
        assertThat(idsFrom(engine, head)).isEmpty();
        DomainEventMessage<?> e6 = eventAt("doc-6", 0, t.plusMillis(6));
        engine.appendEvents(List.of(e6));
        assertThat(idsFrom(engine, head)).containsExactly(ids(e6));
        assertThat(idsFrom(engine, engine.createTokenAt(t.plusMillis(5)))).containsExactly(ids(e6));
    }

    // ------------------------------------------------------------------ 7. reset and replay

    @Test
    void resetReplaysEveryEventOnceAsReplayAndRebuildsTheProjection() {
        SequencedMongoEventStorageEngine engine = engine().build();
        EmbeddedEventStore eventStore = eventStore(engine);
        List<String> original = new ArrayList<>();
        for (int append = 0; append < 30; append++) {
            String aggregate = "doc-" + (append % 5);
            long sequence = (append / 5) * 2L;
            DomainEventMessage<?> a = event(aggregate, sequence, new TextCorrected(aggregate, (int) sequence, "a"));
            DomainEventMessage<?> b = event(aggregate, sequence + 1,
                                            new TextCorrected(aggregate, (int) sequence + 1, "b"));
            eventStore.publish(a, b);
            original.add(a.getIdentifier());
            original.add(b.getIdentifier());
        }
        Recorder projection = new Recorder();
        TrackingEventProcessor processor = startProcessor("replay", eventStore, projection);
        await("initial run", () -> projection.handled.size() >= original.size());
        Map<String, List<String>> built = projection.copyOfTexts();
        assertThat(projection.handled).allMatch(handled -> handled.status() == ReplayStatus.REGULAR);

        processor.shutDown();
        projection.handled.clear();
        processor.resetTokens();
        processor.start();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DomainEventMessage<?> event = event("doc-new", i, new TextCorrected("doc-new", i, "new"));
            eventStore.publish(event);
            added.add(event.getIdentifier());
        }
        await("replay and new events", () -> projection.handled.size() >= original.size() + added.size());
        await("replay finished", () -> !processor.isReplaying());

        Map<ReplayStatus, List<String>> byStatus = projection.handled.stream().collect(Collectors.groupingBy(
                Handled::status, Collectors.mapping(Handled::eventIdentifier, Collectors.toList())));
        assertThat(byStatus.get(ReplayStatus.REPLAY)).as("events before the reset, all replays")
                                                      .containsExactlyElementsOf(original);
        assertThat(byStatus.get(ReplayStatus.REGULAR)).as("only events after the reset are new")
                                                       .containsExactlyElementsOf(added);
        assertThat(projection.resets).hasValue(1);
        Map<String, List<String>> rebuilt = projection.copyOfTexts();
        assertThat(rebuilt.remove("doc-new")).hasSize(5);
        assertThat(rebuilt).isEqualTo(built);
    }

    // ------------------------------------------------------------------ 8. restart

    @Test
    void everythingSurvivesAServerRestartAndGlobalIndexesKeepIncreasing() {
        SequencedMongoEventStorageEngine before = engine().build();
        List<DomainEventMessage<?>> appended = new ArrayList<>();
        for (int sequence = 0; sequence < 5; sequence++) {
            appended.add(event("doc-1", sequence, new TextCorrected("doc-1", sequence, "r" + sequence)));
            appended.add(event("doc-2", sequence, new TextCorrected("doc-2", sequence, "r" + sequence)));
        }
        before.appendEvents(appended);
        before.storeSnapshot(snapshot("doc-1", 3, new DocumentState("doc-1", 3, "r3")));

        database = restartServer();
        SequencedMongoEventStorageEngine after = engine().build();

        assertThat(after.readEvents("doc-1").asStream().map(EventMessage::getIdentifier).toList())
                .containsExactlyElementsOf(appended.stream().filter(e -> e.getAggregateIdentifier().equals("doc-1"))
                                                   .map(EventMessage::getIdentifier).toList());
        assertThat(after.readSnapshot("doc-1")).map(DomainEventMessage::getSequenceNumber).contains(3L);
        List<? extends TrackedEventMessage<?>> tracked = after.readEvents(after.createTailToken(), false).toList();
        assertThat(tracked).extracting(EventMessage::getIdentifier)
                           .containsExactlyElementsOf(appended.stream().map(EventMessage::getIdentifier).toList());
        assertThat(positions(tracked)).containsExactly(LongStream.rangeClosed(1, 10).boxed().toArray(Long[]::new));

        assertThatThrownBy(() -> after.appendEvents(List.of(event("doc-1", 4, new TextCorrected("doc-1", 4, "x")))))
                .as("unique indexes survive the restart").isInstanceOf(ConcurrencyException.class);
        after.appendEvents(List.of(event("doc-1", 5, new TextCorrected("doc-1", 5, "r5"))));
        readerClock.advance(Duration.ofSeconds(1)); // past the ordering delay for the refused append's index
        List<? extends TrackedEventMessage<?>> more = after.readEvents(tracked.get(9).trackingToken(), false).toList();
        assertThat(positions(more)).as("index 11 was used up by the refused append").containsExactly(12L);
        assertThat(after.lastSequenceNumberFor("doc-1")).contains(5L);
    }

    // ------------------------------------------------------------------ 9. cost of reads

    @Test
    void costOfReadingABatchDoesNotGrowWithTheStore() {
        int batchSize = 100;
        SequencedMongoEventStorageEngine engine = engine().batchSize(batchSize).build();
        fill(engine, 0, 20, batchSize);
        ReadCost small = measureReadCost(engine, "agg-3", 1_000);
        long fillStart = System.nanoTime();
        fill(engine, 20, 200, batchSize);
        double appendedPerSecond = 180 * batchSize / ((System.nanoTime() - fillStart) / 1e9);
        ReadCost large = measureReadCost(engine, "agg-3", 1_000);
        long scanStart = System.nanoTime();
        rawEvents().find(Filters.eq("payload.text", "no such text")).first(); // for comparison: a query by no index
        double scanMillis = (System.nanoTime() - scanStart) / 1e6;
        logger.info("Read cost at 2k events: {}; at 20k events: {}; appends of {} events: {} events/s; "
                            + "one unindexed query at 20k events: {} ms", small, large, batchSize,
                    Math.round(appendedPerSecond), Math.round(scanMillis));

        if (small.examined() != null && large.examined() != null) {
            assertThat(large.examined()).as("documents examined per read at 20k vs 2k events")
                                        .isEqualTo(small.examined());
            assertThat(large.examined().trackingBatch()).isLessThanOrEqualTo(batchSize + 1);
            assertThat(large.examined().aggregateLoad()).isLessThanOrEqualTo(batchSize);
            assertThat(large.examined().append()).isLessThanOrEqualTo(1);
        }
        // Medians of 41 reads, and a loose bound, so that a busy machine does not fail the test; a scan of 20k
        // documents on the embedded server costs about a hundred times a batch lookup and still would.
        assertThat(large.trackingBatchMillis()).isLessThan(5 * small.trackingBatchMillis() + 20);
        assertThat(large.aggregateLoadMillis()).isLessThan(5 * small.aggregateLoadMillis() + 20);
        assertThat(large.oneEventAppendMillis()).isLessThan(5 * small.oneEventAppendMillis() + 20);
    }

    private void fill(SequencedMongoEventStorageEngine engine, int fromAggregate, int toAggregate, int events) {
        for (int aggregate = fromAggregate; aggregate < toAggregate; aggregate++) {
            String id = "agg-" + aggregate;
            engine.appendEvents(IntStream.range(0, events)
                                         .mapToObj(sequence -> event(id, sequence,
                                                                     new TextCorrected(id, sequence, "text")))
                                         .toList());
        }
    }

    private ReadCost measureReadCost(SequencedMongoEventStorageEngine engine, String aggregate, long fromIndex) {
        int batchSize = engine.batchSize();
        LongSupplier trackingBatch = () -> engine.readEvents(GapAwareTrackingToken.newInstance(fromIndex, List.of()),
                                                             false).limit(batchSize).count();
        LongSupplier aggregateLoad = () -> engine.readEvents(aggregate).asStream().count();
        LongSupplier lastSequence = () -> engine.lastSequenceNumberFor(aggregate).orElseThrow();
        LongSupplier append = () -> {
            String id = "probe-" + UUID.randomUUID();
            engine.appendEvents(List.of(event(id, 0, new TextCorrected(id, 0, "probe"))));
            return 1;
        };
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            trackingBatch.getAsLong();
            aggregateLoad.getAsLong();
            append.getAsLong();
        }
        ExaminedPerRead examined = null;
        if (documentsExamined().isPresent()) {
            examined = new ExaminedPerRead(examinedBy(trackingBatch), examinedBy(aggregateLoad),
                                           examinedBy(lastSequence), examinedBy(append));
        }
        return new ReadCost(medianMillis(trackingBatch), medianMillis(aggregateLoad), medianMillis(append), examined);
    }

    private long examinedBy(LongSupplier read) {
        long before = documentsExamined().orElseThrow();
        read.getAsLong();
        return documentsExamined().orElseThrow() - before;
    }

    private static double medianMillis(LongSupplier read) {
        double[] millis = new double[41];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            read.getAsLong();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private record ExaminedPerRead(long trackingBatch, long aggregateLoad, long lastSequenceNumber, long append) {
    }

    private record ReadCost(double trackingBatchMillis, double aggregateLoadMillis, double oneEventAppendMillis,
                            @Nullable ExaminedPerRead examined) {
    }

    /**
     * An event over {@code InputLimits.STORED_EVENT_BYTES} is refused by the engine before it reserves a global index:
     * nothing is written, no gap is left, and MongoDB's own 16 MiB refusal (which names no limit) is never reached.
     */
    @Test
    void refusesAnEventOverTheStoredEventLimitBeforeReservingAnIndex() {
        SequencedMongoEventStorageEngine engine = engine().build();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "small", 0, "before")));
        String huge = "x".repeat(org.palimpsest.archive.input.InputLimits.STORED_EVENT_BYTES);
        List<EventMessage<?>> tooLarge = List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "large", 0, huge));

        assertThatThrownBy(() -> engine.appendEvents(tooLarge))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(org.palimpsest.archive.input.InputLimits.STORED_EVENT_BYTES);
                    assertThat(e.bytes()).isGreaterThan(e.limit());
                });
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "small", 1, "after")));

        assertThat(rawEvents().countDocuments()).isEqualTo(2);
        List<Long> indexes = new ArrayList<>(globalIndexByEventIdentifier().values());
        Collections.sort(indexes);
        assertThat(indexes.get(1)).as("no index was reserved for the refused event").isEqualTo(indexes.get(0) + 1);
    }

    // ------------------------------------------------------------------ fixtures

    /** The engine under test on the test's database, configured as the tests expect; adjust before building. */
    protected SequencedMongoEventStorageEngine.Builder engine() {
        return engine(database());
    }

    private SequencedMongoEventStorageEngine.Builder engine(MongoDatabase mongoDatabase) {
        return SequencedMongoEventStorageEngine.builder()
                                               .database(mongoDatabase)
                                               .eventSerializer(SERIALIZER)
                                               .clock(readerClock);
    }

    /** The test's database, created on first use. */
    protected MongoDatabase database() {
        if (database == null) {
            database = createEmptyDatabase();
        }
        return database;
    }

    private MongoCollection<Document> rawEvents() {
        return database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION);
    }

    private Map<String, Long> globalIndexByEventIdentifier() {
        Map<String, Long> indexes = new HashMap<>();
        rawEvents().find().forEach(document -> indexes.put(document.getString("eventIdentifier"),
                                                           document.getLong("_id")));
        return indexes;
    }

    private EmbeddedEventStore eventStore(SequencedMongoEventStorageEngine engine) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(100).build();
        shutdownHooks.add(eventStore::shutDown);
        return eventStore;
    }

    private TrackingEventProcessor startProcessor(String name, EmbeddedEventStore eventStore, Object handler) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                           .andInitialSegmentsCount(1)
                                                           // Axon's default start marks existing events as replays
                                                           .andInitialTrackingToken(
                                                                   StreamableMessageSource::createTailToken)
                                                           .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS))
                .build();
        shutdownHooks.add(processor::shutDown);
        processor.start();
        return processor;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }

    private record Outcome(@Nullable Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    private interface Writer {
        Runnable forWriter(int writer);
    }

    /** Runs one task per writer, all released at the same moment. */
    private static List<Outcome> runConcurrently(int writers, Writer tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                Runnable task = tasks.forWriter(writer);
                Callable<Outcome> attempt = () -> {
                    start.await();
                    try {
                        task.run();
                        return new Outcome(null);
                    } catch (RuntimeException e) {
                        return new Outcome(e);
                    }
                };
                futures.add(executor.submit(attempt));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(AWAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence, payload,
                                               MetaData.with("actor", "alice")
                                                       .and("correlationId", UUID.randomUUID().toString()));
    }

    private static DomainEventMessage<?> eventAt(String aggregate, long sequence, Instant timestamp) {
        TextCorrected payload = new TextCorrected(aggregate, (int) sequence, "at " + timestamp);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence,
                                               new GenericMessage<>(payload, MetaData.with("actor", "alice")),
                                               timestamp);
    }

    private static DomainEventMessage<?> snapshot(String aggregate, long sequence, DocumentState state) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence, state);
    }

    private static TrackedEventMessage<?> onlyEvent(List<? extends TrackedEventMessage<?>> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        assertThat(token).isInstanceOf(GapAwareTrackingToken.class);
        return (GapAwareTrackingToken) token;
    }

    private static List<Object> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }

    private static List<Long> positions(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> event.trackingToken().position().orElseThrow()).toList();
    }

    private static List<String> idsFrom(SequencedMongoEventStorageEngine engine, TrackingToken token) {
        return engine.readEvents(token, false).map(EventMessage::getIdentifier).toList();
    }

    private static String[] ids(EventMessage<?>... events) {
        return Arrays.stream(events).map(EventMessage::getIdentifier).toArray(String[]::new);
    }

    private static Serializer jacksonSerializer() {
        ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                      .registerModule(new Jdk8Module())
                                                      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(objectMapper).build();
    }

    // ------------------------------------------------------------------ events and handlers of the tests

    /** Where an imported document came from. */
    public record Source(String uri, String publisher) {
    }

    /** An import, with field types whose JSON needs care: decimals, longs, doubles, odd map keys, instants. */
    @Revision("1")
    public record DocumentImported(String documentId, String title, Source source, BigDecimal confidence,
                                   long words, double ratio, List<String> tags, Map<String, String> attributes,
                                   Instant publishedAt) {
    }

    /** A correction of a document's text. */
    @Revision("1")
    public record TextCorrected(String documentId, int revision, String text) {
    }

    /** An event no aggregate published. */
    public record SystemNotice(String text) {
    }

    /** Snapshot payload of a document. */
    public record DocumentState(String documentId, int revision, String text) {
    }

    record Handled(String eventIdentifier, ReplayStatus status) {
    }

    /** Records what it handles and projects texts per document; resettable. */
    static final class Recorder {

        final List<Handled> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();
        private final Map<String, List<String>> texts = new ConcurrentHashMap<>();

        @EventHandler
        void on(TextCorrected event, @MessageIdentifier String eventIdentifier, ReplayStatus status) {
            texts.computeIfAbsent(event.documentId(), id -> new CopyOnWriteArrayList<>()).add(event.text());
            handled.add(new Handled(eventIdentifier, status));
        }

        @ResetHandler
        void reset() {
            texts.clear();
            resets.incrementAndGet();
        }

        Map<String, List<String>> copyOfTexts() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            texts.forEach((document, values) -> copy.put(document, List.copyOf(values)));
            return copy;
        }
    }
}
