package org.palimpsest.archive.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.testing.CountedCommands;

/**
 * A batch of events is written with one bulk write per collection after its last event and before the processor
 * stores its token; an event later in the batch reads what an earlier one wrote; an event whose handler throws (and is
 * parked) leaves none of its writes behind while the rest of the batch is written.
 */
public class ProjectionBatchTest {

    /** A subject's notes, in the order they came; {@code poison} makes the handler throw after writing. */
    public record Noted(String subject, int n, boolean poison) {
    }

    public record Notes(@BsonId String subject, List<Integer> numbers) {
    }

    /** One record per event handled, written before the handler decides to throw. */
    public record Seen(@BsonId String key) {
    }

    static final class NoteStore {
        final KeyedCollection<Seen> seen;
        final KeyedCollection<Notes> notes;

        NoteStore(StoreCollections collections) {
            this.seen = collections.keyed("seen", Seen.class);
            this.notes = collections.keyed("notes", Notes.class);
        }
    }

    static final class NoteProjection extends GenerationalProjection<NoteStore> {

        NoteProjection(MongoDatabase database) {
            super(database, Generation.FIRST, NoteStore::new);
        }

        @EventHandler
        void on(Noted event) {
            store().seen.put(event.subject() + "#" + event.n(), new Seen(event.subject() + "#" + event.n()));
            if (event.poison()) {
                throw new IllegalArgumentException("poison " + event.subject() + "#" + event.n());
            }
            List<Integer> numbers = new ArrayList<>(store().notes.find(event.subject()).map(Notes::numbers).orElse(List.of()));
            numbers.add(event.n());
            store().notes.put(event.subject(), new Notes(event.subject(), numbers));
        }

        @Override
        public String processingGroup() {
            return "notes";
        }

        @Override
        public Rebuildable fresh(Generation generation) {
            return new NoteProjection(database());
        }
    }

    private CountedCommands commands;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        commands = new CountedCommands();
        database = commands.client().getDatabase("batch_test");
    }

    @AfterEach
    void stop() {
        commands.close();
    }

    /** Write commands ({@code update}, {@code delete}) sent to one collection. */
    private long writes(String collection) {
        return commands.count("batch_test", collection, "update") + commands.count("batch_test", collection, "delete");
    }

    private static EventMessage<?> noted(String subject, int n) {
        return GenericEventMessage.asEventMessage(new Noted(subject, n, false));
    }

    @Test
    void aBatchIsWrittenAfterItsLastEventBeforeCommitWithOneWritePerCollection() throws Exception {
        NoteProjection projection = new NoteProjection(database);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> events = List.of(noted("a", 1), noted("b", 1), noted("a", 2), noted("a", 3));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<Long> storedWhileHandling = new ArrayList<>();
        List<Long> storedAtPrepareCommit = new ArrayList<>();
        ProjectionBatchFlush flush = new ProjectionBatchFlush();

        var result = batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                // Where a processor stores its token: the batch must be written by then.
                batch.onPrepareCommit(u -> storedAtPrepareCommit.add(database.getCollection("notes").countDocuments()));
            }
            return flush.handle(batch, new DefaultInterceptorChain<>(batch, List.of(), message -> {
                storedWhileHandling.add(database.getCollection("notes").countDocuments());
                return handler.handle(message);
            }));
        });

        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
        assertThat(storedWhileHandling).as("nothing reaches the store while the batch is handled").containsOnly(0L);
        assertThat(storedAtPrepareCommit).containsExactly(2L);
        assertThat(projection.store().notes.find("a").orElseThrow().numbers())
                .as("each event read what the ones before it wrote").containsExactly(1, 2, 3);
        assertThat(writes("notes")).as("one bulk write for the batch").isEqualTo(1);
        assertThat(writes("seen")).isEqualTo(1);
    }

    @Test
    void withoutAUnitOfWorkEveryWriteGoesStraightToItsCollection() {
        NoteProjection projection = new NoteProjection(database);
        projection.on(new Noted("a", 1, false));
        projection.on(new Noted("a", 2, false));

        assertThat(database.getCollection("notes", Notes.class).find().first().numbers()).containsExactly(1, 2);
        assertThat(writes("notes")).isEqualTo(2);
    }

    @Test
    void aPoisonedEventInABatchIsParkedAloneAndLeavesNoWriteWhileTheRestOfTheBatchIsWritten() throws Exception {
        NoteProjection projection = new NoteProjection(database);
        InMemorySequencedDeadLetterQueue<EventMessage<?>> letters = InMemorySequencedDeadLetterQueue.defaultQueue();
        SequencingPolicy<EventMessage<?>> bySubject = event -> ((Noted) event.getPayload()).subject();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.publish(noted("a", 1), noted("b", 1), GenericEventMessage.asEventMessage(new Noted("a", 2, true)),
                noted("c", 1), noted("a", 3), noted("b", 2));
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("notes")
                .eventHandlerInvoker(DeadLetteringEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        .sequencingPolicy(bySubject)
                        .queue(letters)
                        .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                        .build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(org.axonframework.common.transaction.NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100))
                .build();
        processor.registerHandlerInterceptor(new ProjectionBatchFlush());
        try {
            processor.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (processor.processingStatus().isEmpty()
                    || processor.processingStatus().get(0).getCurrentPosition().orElse(-1) < 5) {
                assertThat(System.nanoTime()).as("the processor reaches the last event").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            processor.shutDown();
            events.shutDown();
        }

        assertThat(letters.contains("a")).isTrue();
        assertThat(letters.sequenceSize("a")).as("the poisoned event and the one behind it").isEqualTo(2);
        assertThat(letters.contains("b") || letters.contains("c")).isFalse();
        assertThat(database.getCollection("notes", Notes.class).find().into(new ArrayList<>()))
                .containsExactlyInAnyOrder(new Notes("a", List.of(1)), new Notes("b", List.of(1, 2)), new Notes("c", List.of(1)));
        assertThat(database.getCollection("seen", Seen.class).find().into(new ArrayList<>()))
                .as("the parked handler's own write is dropped with it")
                .extracting(Seen::key).containsExactlyInAnyOrder("a#1", "b#1", "c#1", "b#2");
        assertThat(writes("notes")).as("one batch, one bulk write").isEqualTo(1);
    }
}
