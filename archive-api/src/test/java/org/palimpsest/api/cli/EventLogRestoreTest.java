package org.palimpsest.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.eventstore.BulkAppendUndo;
import org.palimpsest.archive.eventstore.SequencedMongoEventStorageEngine;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.document.mongo.MongoImportKeys;
import org.palimpsest.archive.history.EventLog;
import org.palimpsest.archive.history.EventLogException;
import org.palimpsest.archive.serialization.ArchiveJson;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * A restore is all or nothing: every damaged log is refused, with its line, before anything is written, and a
 * store that fails part-way through the writes is left as it was.
 */
class EventLogRestoreTest {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();
    /** Four bundled samples, 170 imports, and one more document with two fixes proposed and accepted: 179 events. */
    private static final int EVENTS = 179;

    @TempDir
    static Path files;
    private static Path log;
    private static List<String> exported;
    private static ConfigurableApplicationContext target;

    @BeforeAll
    static void exportAnArchiveAndOpenAnEmptyOne() throws Exception {
        Path sourceDir = Files.createDirectory(files.resolve("source"));
        log = files.resolve("events.ndjson");
        try (ConfigurableApplicationContext source = start(sourceDir, true)) {
            DocumentImporter importer = source.getBean(DocumentImporter.class);
            for (int i = 0; i < 170; i++) {
                importer.importDocument(ImportRequest.ofText("# Entry " + i + "\n\nThe harbour log, page " + i + ".\n"), "editor");
            }
            String id = importer.importDocument(ImportRequest.ofText("# Notes\n\nDana Whitlok and Minho Seu met.\n"), "editor")
                    .documentId();
            CommandGateway commands = source.getBean(CommandGateway.class);
            for (String[] fix : new String[][] {{"Whitlok", "Whitlock"}, {"Seu", "Seo"}}) {
                commands.sendAndWait(Actors.command(new ProposeFixes(id, List.of(new FixProposal(UUID.randomUUID().toString(),
                        new FixTarget(fix[0], null, null, null, null, null), fix[1], FixKind.NAME, "spelling", null)),
                        "editor", true, "ok"), "editor"));
            }
            try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                assertThat(source.getBean(EventLog.class).export(out, n -> { })).isEqualTo(EVENTS);
            }
        }
        exported = Files.readAllLines(log);
        target = start(Files.createDirectory(files.resolve("target")), false);
        // As import-log does: nothing projects events that a failed import takes back.
        target.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    @AfterAll
    static void close() {
        if (target != null) {
            target.close();
        }
    }

    @BeforeEach
    void targetIsEmpty() {
        assertThat(storedEvents()).isZero();
    }

    @Test
    void aBrokenEventAtLine150IsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path damaged = withChecksum(lines -> lines.set(149, lines.get(149).substring(0, lines.get(149).length() / 2)));
        long counter = counter();

        assertThatThrownBy(() -> eventLog().importFrom(damaged, n -> { }))
                .isInstanceOfSatisfying(EventLogException.class, e -> {
                    assertThat(e.line()).isEqualTo(150);
                    assertThat(e.outcome()).isEqualTo(EventLogException.Outcome.NOTHING_WRITTEN);
                })
                .hasMessageStartingWith("line 150: not JSON");
        assertThat(storedEvents()).isZero();
        assertThat(counter()).isEqualTo(counter);
    }

    @Test
    void aGapInAnAggregatesSequenceIsRefused() throws Exception {
        int accepted = lineOf("TranslationFixAccepted", 1);
        Path damaged = withChecksum(lines -> edit(lines, accepted, e -> e.put("sequence", e.get("sequence").asLong() + 1)));

        assertRefused(damaged, accepted + 1, "sequence number 5 where 4 comes next: event 4 is missing");
    }

    @Test
    void aRepeatedSequenceNumberIsRefused() throws Exception {
        int accepted = lineOf("TranslationFixAccepted", 0);
        Path damaged = withChecksum(lines -> edit(lines, accepted, e -> e.put("sequence", 0)));

        assertRefused(damaged, accepted + 1, "sequence number 0 where 2 comes next: it repeats an earlier event");
    }

    @Test
    void positionsOutOfOrderAreRefused() throws Exception {
        Path damaged = withChecksum(lines -> {
            String tenth = lines.get(9);
            lines.set(9, lines.get(10));
            lines.set(10, tenth);
        });

        assertRefused(damaged, 11, "is not after the previous line's");
    }

    @Test
    void anUnknownEventTypeIsRefused() throws Exception {
        Path damaged = withChecksum(lines -> edit(lines, 120, e -> e.put("payloadType", "org.palimpsest.archive.document.DocumentBurned")));

        assertRefused(damaged, 121, "unknown event type org.palimpsest.archive.document.DocumentBurned");
    }

    @Test
    void anUnknownRevisionIsRefused() throws Exception {
        Path damaged = withChecksum(lines -> edit(lines, 60, e -> e.put("payloadRevision", "7")));

        assertRefused(damaged, 61, "DocumentImported is at revision 1 in this archive, the line has revision 7");
    }

    @Test
    void anEventMissingARequiredFieldIsRefused() throws Exception {
        Path damaged = withChecksum(lines -> edit(lines, 30, e -> ((ObjectNode) e.get("payload")).remove("contentHash")));

        assertRefused(damaged, 31, "DocumentImported requires \"contentHash\", which the payload lacks");
    }

    @Test
    void anEventMissingANestedRequiredFieldIsRefused() throws Exception {
        int proposed = lineOf("TranslationFixProposed", 1);
        Path damaged = withChecksum(lines -> edit(lines, proposed,
                e -> ((ObjectNode) e.get("payload").get("target")).remove("exact")));

        assertRefused(damaged, proposed + 1, "TranslationFixProposed requires \"target.exact\"");
    }

    @Test
    void aStoreFailingPartWayIsLeftAsItWas() throws Exception {
        long counter = counter();
        EventStorageEngine engine = target.getBean(EventStorageEngine.class);
        // Appends in batches of 100: the second batch stores half of its events, then the store refuses.
        FailingEngine failing = new FailingEngine(engine, 2);
        EventLog restore = new EventLog(failing, target.getBean("eventSerializer", Serializer.class),
                new BulkAppendUndo(database()), new MongoImportKeys(database()));

        assertThatThrownBy(() -> restore.importFrom(log, n -> { }))
                .isInstanceOfSatisfying(EventLogException.class, e -> {
                    assertThat(e.line()).isEqualTo(101);
                    assertThat(e.outcome()).isEqualTo(EventLogException.Outcome.WRITTEN_AND_REMOVED);
                })
                .hasMessageContaining("the 139 events written before were removed again");
        assertThat(failing.written).as("events the store took before refusing").isEqualTo(139);
        assertThat(storedEvents()).isZero();
        assertThat(counter()).isEqualTo(counter);

        // Untouched means a later import makes the same archive as if the failure had never happened.
        assertThat(eventLog().importFrom(log, n -> { })).isEqualTo(EVENTS);
        assertThat(storedEvents()).isEqualTo(EVENTS);
        assertThat(database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).find()
                .sort(new Document("_id", 1)).first().get("_id", Number.class).longValue()).isEqualTo(counter + 1);
        database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).deleteMany(new Document());
        database().getCollection(SequencedMongoEventStorageEngine.SEQUENCE_COLLECTION)
                .updateOne(new Document(), new Document("$set", new Document("value", counter)));
    }

    @Test
    void theCommandNamesTheLineAtFault() throws Exception {
        Path damaged = withChecksum(lines -> edit(lines, 149, e -> e.put("payloadType", "no.such.Event")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("palimpsest.data-dir", Files.createDirectory(files.resolve("cli")).toString());
        try {
            int status = new CommandLine(new EventLogCommands.Import()).execute(damaged.toString());
            assertThat(status).isEqualTo(1);
        } finally {
            System.setErr(originalErr);
            System.clearProperty("palimpsest.data-dir");
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 150: unknown event type no.such.Event (nothing was imported)");
    }

    private static void assertRefused(Path damaged, int line, String message) {
        assertThatThrownBy(() -> eventLog().importFrom(damaged, n -> { }))
                .isInstanceOfSatisfying(EventLogException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.outcome()).isEqualTo(EventLogException.Outcome.NOTHING_WRITTEN);
                })
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(message);
        assertThat(storedEvents()).isZero();
    }

    /** The 0-based index of the {@code nth} line whose payload has this simple type name. */
    private static int lineOf(String type, int nth) {
        int seen = 0;
        for (int i = 0; i < exported.size() - 1; i++) {
            if (exported.get(i).contains("\"payloadType\":\"org.palimpsest.archive.fix." + type + "\"") && seen++ == nth) {
                return i;
            }
        }
        throw new AssertionError("the exported log has no " + type + " #" + nth);
    }

    private static void edit(List<String> lines, int index, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(lines.get(index));
            change.accept(event);
            lines.set(index, JSON.writeValueAsString(event));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The exported log with its event lines changed and the checksum line recomputed to match, as a forger would. */
    private static Path withChecksum(Consumer<List<String>> damage) throws Exception {
        List<String> lines = new ArrayList<>(exported.subList(0, exported.size() - 1));
        damage.accept(lines);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        lines.add("{\"checksum\":\"sha256:" + HexFormat.of().formatHex(digest.digest()) + "\",\"events\":" + lines.size() + "}");
        Path damaged = Files.createTempFile(files, "damaged", ".ndjson");
        Files.write(damaged, lines, StandardCharsets.UTF_8);
        return damaged;
    }

    private static EventLog eventLog() {
        return target.getBean(EventLog.class);
    }

    private static MongoDatabase database() {
        return target.getBean(MongoDatabase.class);
    }

    private static long storedEvents() {
        return database().getCollection(SequencedMongoEventStorageEngine.EVENTS_COLLECTION).countDocuments();
    }

    private static long counter() {
        Document counter = database().getCollection(SequencedMongoEventStorageEngine.SEQUENCE_COLLECTION).find().first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean samples) {
        return new SpringApplicationBuilder(PalimpsestApplication.class).web(WebApplicationType.NONE)
                .run("--palimpsest.data-dir=" + dataDir, "--palimpsest.samples=" + samples, "--spring.mongodb.uri=");
    }

    /** A store that takes appends until the {@code failingAppend}-th, of which it stores half and then refuses. */
    private static final class FailingEngine implements EventStorageEngine {

        private final EventStorageEngine store;
        private final int failingAppend;
        private int appends;
        long written;

        FailingEngine(EventStorageEngine store, int failingAppend) {
            this.store = store;
            this.failingAppend = failingAppend;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            if (++appends == failingAppend) {
                List<? extends EventMessage<?>> half = events.subList(0, events.size() / 2);
                store.appendEvents(half);
                written += half.size();
                throw new IllegalStateException("simulated: the store refused the write");
            }
            store.appendEvents(events);
            written += events.size();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            store.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return store.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return store.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return store.readSnapshot(aggregateIdentifier);
        }
    }
}
