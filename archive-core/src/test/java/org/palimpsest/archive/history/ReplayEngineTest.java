package org.palimpsest.archive.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.GenerationalProjection;
import org.palimpsest.archive.projection.KeyedCollection;
import org.palimpsest.archive.projection.Rebuildable;
import org.palimpsest.archive.projection.StoreCollections;
import org.palimpsest.archive.projection.TextStore;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewQueries;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.palimpsest.archive.testing.CountedCommands;

/**
 * The replay behind the consistency check feeds the projections in batches: one bulk write per collection per batch
 * (counted on the wire, as {@code ProjectionBatchTest} counts a processor's), a batch ending early once it holds its
 * share of document texts, and views identical to those of the same handlers fed one event at a time, now and as of a
 * point inside a batch, and to those of projections fed together on one thread; an event a projection refuses is left
 * out of it alone, as a live processor parks it.
 */
class ReplayEngineTest {

    private static final Instant T0 = Instant.parse("2025-05-02T09:00:00Z");
    private static final NameCatalog NAMES = NameCatalog.parse("""
            - id: ines-varga
              canonical: Ines Varga
              kind: person
              aliases: [I. Varga]
            """);
    private static final int DOCUMENTS = 3;
    /** Events each document gets from {@link #history}. */
    private static final int STEPS = 8;
    private static final int BATCH = 8;

    private CountedCommands commands;
    private MongoClient client;
    private InMemoryEventStorageEngine engine;

    @BeforeEach
    void start() {
        commands = new CountedCommands();
        client = commands.client();
        engine = new InMemoryEventStorageEngine();
        engine.appendEvents(history());
    }

    @AfterEach
    void stop() {
        commands.close();
    }

    private static String text(int n) {
        return "# Ferry log " + n + "\n\nOn 4 June 2016 the ferry " + n + " left the harbour with I. Varga aboard.\n\n"
                + "From: Ines Varga <ines@pier" + n + ".example>\n"
                + "To: Tomas Reyes <tomas@pier.example>\n"
                + "Date: 2016/06/04 7:40\n"
                + "Subject: Departure " + n + "\n\n"
                + "We cast off before the tide turned.\n";
    }

    /**
     * Each document imported, a fix accepted and reverted, one rejected, a last one accepted; documents interleaved
     * step by step, so every batch holds events of several documents and an event meets what its batch wrote before.
     */
    private static List<EventMessage<?>> history() {
        List<List<Object>> perDocument = new ArrayList<>();
        for (int n = 0; n < DOCUMENTS; n++) {
            String id = "doc-" + n;
            String text = text(n);
            TextChange longer = new TextChange(text.indexOf("ferry " + n), "ferry", "ferryboat");
            TextChange year = new TextChange(text.indexOf("2016"), "2016", "2014");
            perDocument.add(List.of(
                    new DocumentImported(id, new DocumentSource(null, null, T0), "Ferry " + n, "en", null, text,
                            "hash-" + n, "editor"),
                    proposed(id, "longer-" + n, "ferry", "ferryboat"),
                    new TranslationFixAccepted(id, "longer-" + n, longer, 1, false, "editor", null),
                    proposed(id, "wrong-" + n, "harbour", "harbor"),
                    new TranslationFixRejected(id, "wrong-" + n, "editor", "house spelling"),
                    new TranslationFixReverted(id, "longer-" + n, longer.inverse(), 2, "editor", "too long"),
                    proposed(id, "year-" + n, "2016", "2014"),
                    new TranslationFixAccepted(id, "year-" + n, year, 3, false, "editor", null)));
        }
        List<EventMessage<?>> events = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            for (List<Object> document : perDocument) {
                Instant at = T0.plusSeconds(events.size());
                events.add(new GenericEventMessage<>("event-" + events.size(), document.get(step), MetaData.emptyInstance(), at));
            }
        }
        return events;
    }

    private static TranslationFixProposed proposed(String documentId, String fixId, String exact, String replacement) {
        return new TranslationFixProposed(documentId, fixId, new FixTarget(exact, null, null, null, null, null),
                replacement, FixKind.TYPO, "reads better", null, "annotator");
    }

    private record Projections(ReadingViewProjection reading, TimelineProjection timeline, EmailProjection emails) {

        static Projections on(MongoDatabase database) {
            return new Projections(new ReadingViewProjection(database), new TimelineProjection(database, NAMES),
                    new EmailProjection(database, name -> Optional.empty()));
        }

        Object[] all() {
            return new Object[]{reading, timeline, emails};
        }

        List<ProjectionComparison<?>> comparedBy(ScratchReplay scratch) {
            return List.of(new ReadingViewConsistency(scratch, reading), DerivedRecordConsistency.timeline(timeline),
                    DerivedRecordConsistency.emails(emails));
        }
    }

    private long count(String database, String collection, String command) {
        return commands.count(database, collection, command);
    }

    @Test
    void aBatchOfEventsIsWrittenWithOneBulkWritePerCollection() {
        int events = DOCUMENTS * STEPS;
        int batches = (events + BATCH - 1) / BATCH;
        Projections replica = Projections.on(client.getDatabase("scratch"));

        long last = new ReplayEngine(engine, BATCH).replay(ReplayBound.atPosition(Long.MAX_VALUE), replica.all());

        assertThat(last).isEqualTo(events - 1);
        assertThat(batches).as("the history spans several batches").isGreaterThan(1);
        // Every event is a document's: each batch changes some reading view, timeline entry and email rendering.
        assertThat(count("scratch", "reading_views", "update")).isEqualTo(batches);
        assertThat(count("scratch", "timeline_documents", "update")).isEqualTo(batches);
        assertThat(count("scratch", "email_documents", "update")).isEqualTo(batches);
        List<String> written = commands.sentTo("scratch", List.of("update", "delete", "insert"));
        assertThat(written).as("the replay's writes").hasSizeGreaterThan(10);
        for (String key : written) {
            // The texts are one collection for the three projections, each of which flushes its own batch.
            int writers = key.startsWith("scratch." + TextStore.COLLECTION + " ") ? replica.all().length : 1;
            assertThat(commands.count(key)).as(key + ": at most one bulk write per batch and projection")
                    .isLessThanOrEqualTo((long) writers * batches);
        }
        assertThat(written).as("bulk writes upsert; nothing is inserted one by one").noneMatch(k -> k.endsWith(" insert"));
    }

    @Test
    void aBatchedReplayGivesTheViewsTheHandlersGiveOneEventAtATimeNowAndAsOfAPointInsideABatch() throws Exception {
        Projections live = Projections.on(client.getDatabase("live"));
        List<AnnotationEventHandlerAdapter> handlers = List.of(new AnnotationEventHandlerAdapter(live.reading()),
                new AnnotationEventHandlerAdapter(live.timeline()), new AnnotationEventHandlerAdapter(live.emails()));
        List<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false).toList();
        for (TrackedEventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(event); // no unit of work: every write goes straight to its collection
            }
        }
        assertThat(count("live", "reading_views", "update")).as("the reference was written event by event")
                .isEqualTo(events.size());
        ScratchReplay scratch = new ScratchReplay(new ReplayEngine(engine, BATCH), client, "archive", WriteConcern.ACKNOWLEDGED);

        ConsistencyReport now = scratch.check(ReplayBound.atPosition(events.size() - 1), live.comparedBy(scratch));
        long inside = BATCH + BATCH / 2 + 1;
        ConsistencyReport then = scratch.check(ReplayBound.atPosition(inside), live.comparedBy(scratch));
        ConsistencyReport byTime = scratch.check(ReplayBound.asOf(T0.plusSeconds(inside)), live.comparedBy(scratch));

        assertThat(now.differences()).isEmpty();
        assertThat(now.position()).isEqualTo(events.size() - 1);
        // Three reading views, and per document at least a timeline entry and an email rendering.
        assertThat(now.documents()).isGreaterThanOrEqualTo(3 * DOCUMENTS);
        assertThat(then.differences()).isEmpty();
        assertThat(then.position()).isEqualTo(inside);
        assertThat(byTime.differences()).isEmpty();
        assertThat(byTime.position()).isEqualTo(inside);
        assertThat(now.consistent() && then.consistent() && byTime.consistent()).isTrue();
    }

    @Test
    void aBatchClosesOnceItHoldsAsManyDocumentTextsAsAllowedWhateverItsLength() {
        Projections replica = Projections.on(client.getDatabase("scratch"));
        int texts = DOCUMENTS - 1;

        new ReplayEngine(engine, 1_000, texts, 1).replay(ReplayBound.atPosition(Long.MAX_VALUE), replica.all());

        // The imports come first: the first batch ends at the second of them, the second batch holds all the rest.
        assertThat(count("scratch", "reading_views", "update")).isEqualTo(2);
        assertThat(count("scratch", "timeline_documents", "update")).isEqualTo(2);
    }

    @Test
    void projectionsReplayedOnThreadsOfTheirOwnGiveTheViewsOfOneThread() {
        Projections together = Projections.on(client.getDatabase("together"));
        Projections apart = Projections.on(client.getDatabase("apart"));
        Sightings threadOfItsOwn = new Sightings(client.getDatabase("apart"));
        InMemoryEventStorageEngine log = new InMemoryEventStorageEngine();
        log.appendEvents(history());
        log.appendEvents(GenericEventMessage.asEventMessage(new Sighted("first", false)));

        long one = new ReplayEngine(log, BATCH, BATCH, 1).replay(ReplayBound.atPosition(Long.MAX_VALUE), together.all());
        Object[] all = {apart.reading(), apart.timeline(), apart.emails(), threadOfItsOwn};
        long several = new ReplayEngine(log, BATCH, BATCH, 4).replay(ReplayBound.atPosition(Long.MAX_VALUE), all);

        assertThat(several).isEqualTo(one).isEqualTo(DOCUMENTS * STEPS);
        assertThat(threadOfItsOwn.threads).as("fed on a replay thread, not the caller's").hasSize(1)
                .noneMatch(name -> name.equals(Thread.currentThread().getName()));
        for (String id : together.reading().currentIds()) {
            assertThat(new ReadingViewQueries(apart.reading()).handle(new FindReadingView(id)))
                    .isEqualTo(new ReadingViewQueries(together.reading()).handle(new FindReadingView(id)));
        }
        assertThat(apart.timeline().entries(null, null)).hasSizeGreaterThanOrEqualTo(DOCUMENTS)
                .containsExactlyInAnyOrderElementsOf(together.timeline().entries(null, null));
        assertThat(apart.emails().renderings(null, null)).hasSizeGreaterThanOrEqualTo(DOCUMENTS)
                .containsExactlyInAnyOrderElementsOf(together.emails().renderings(null, null));
        assertThat(together.reading().currentIds()).hasSize(DOCUMENTS);
    }

    /** A subject seen, in the test's own projection; {@code refused} makes its handler throw after writing. */
    public record Seen(@BsonId String subject) {
    }

    public record Sighted(String subject, boolean refused) {
    }

    static final class SightingStore {
        final KeyedCollection<Seen> seen;

        SightingStore(StoreCollections collections) {
            this.seen = collections.keyed("seen", Seen.class);
        }
    }

    static final class Sightings extends GenerationalProjection<SightingStore> {

        /** The threads that fed it. */
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        Sightings(MongoDatabase database) {
            super(database, Generation.FIRST, SightingStore::new);
        }

        @EventHandler
        void on(Sighted event) {
            threads.add(Thread.currentThread().getName());
            store().seen.put(event.subject(), new Seen(event.subject()));
            if (event.refused()) {
                throw new IllegalArgumentException("refused " + event.subject());
            }
        }

        @Override
        public String processingGroup() {
            return "sightings";
        }

        @Override
        public Rebuildable fresh(Generation generation) {
            return new Sightings(database());
        }
    }

    @Test
    void anEventAProjectionRefusesIsLeftOutWithItsWritesAndTheRestOfItsBatchIsApplied() {
        InMemoryEventStorageEngine log = new InMemoryEventStorageEngine();
        log.appendEvents(history().subList(0, DOCUMENTS));
        log.appendEvents(GenericEventMessage.asEventMessage(new Sighted("first", false)),
                GenericEventMessage.asEventMessage(new Sighted("refused", true)),
                GenericEventMessage.asEventMessage(new TranslationFixRejected("nowhere", "fix", "editor", null)),
                GenericEventMessage.asEventMessage(new Sighted("after", false)));
        MongoDatabase scratch = client.getDatabase("scratch");
        Sightings sightings = new Sightings(scratch);
        ReadingViewProjection reading = new ReadingViewProjection(scratch);

        long last = new ReplayEngine(log, BATCH).replay(ReplayBound.atPosition(Long.MAX_VALUE), sightings, reading);

        assertThat(last).as("the replay goes on past both refusals").isEqualTo(DOCUMENTS + 3);
        assertThat(scratch.getCollection("seen", Seen.class).find().into(new ArrayList<>()))
                .as("the refused event's own write is dropped with it, as a parked one's is")
                .containsExactlyInAnyOrder(new Seen("first"), new Seen("after"));
        assertThat(reading.currentIds()).as("the batch's other projection is written")
                .containsExactlyInAnyOrder("doc-0", "doc-1", "doc-2");
        assertThat(count("scratch", "seen", "update")).as("one batch, one bulk write").isEqualTo(1);
    }
}
