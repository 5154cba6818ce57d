package org.palimpsest.archive.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.palimpsest.archive.eventstore.BulkAppendUndo;
import org.palimpsest.archive.serialization.ArchiveJson;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.document.ImportKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole event log as NDJSON, for backups and for moving an archive to another MongoDB: one event a line
 * in global order, then a last line {@code {"checksum":"sha256:…","events":n}} over all the lines before it.
 * <p>
 * An import is all or nothing. It goes only into an empty store, and the whole file is checked first (see
 * {@link EventLogCheck}), so a damaged or edited log is refused with the line at fault before anything is
 * written. Should the store still refuse a write part-way, everything this import wrote is removed again and
 * the global counter put back (see {@link BulkAppendUndo}): the store ends up a full copy of the log, or as it
 * was. The projections are rebuilt from the imported events by the processors, like any new events; run the
 * import with the processors stopped, so that none projects events a failed import then takes back.
 */
public final class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final ObjectMapper JSON = ArchiveJson.objectMapper();
    private static final int BATCH = 100;

    private final EventStorageEngine engine;
    private final Serializer serializer;
    private final BulkAppendUndo undo;
    private final ImportKeys importKeys;

    /**
     * @param importKeys where the write side looks up which document a content hash or source already belongs
     *                   to; a restore binds them again, or importing a restored document would make a second one
     */
    public EventLog(EventStorageEngine engine, Serializer serializer, BulkAppendUndo undo, ImportKeys importKeys) {
        this.engine = engine;
        this.serializer = serializer;
        this.undo = undo;
        this.importKeys = importKeys;
    }

    /** Writes every event and the checksum line; {@code progress} hears the count so far. Returns the count. */
    public long export(Writer out, LongConsumer progress) throws IOException {
        MessageDigest digest = EventLogCheck.sha256();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                String line = JSON.writeValueAsString(line(event));
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(line);
                out.write('\n');
                progress.accept(++count);
            }
        }
        ObjectNode checksum = JSON.createObjectNode();
        checksum.put("checksum", "sha256:" + HexFormat.of().formatHex(digest.digest()));
        checksum.put("events", count);
        out.write(JSON.writeValueAsString(checksum));
        out.write('\n');
        out.flush();
        return count;
    }

    /**
     * Imports a log written by {@link #export} into this (empty) store, all or nothing.
     *
     * @throws EventLogException naming the line at fault; its {@link EventLogException#outcome() outcome} says
     *                           whether anything was written and whether it was removed again
     */
    public long importFrom(Path file, LongConsumer progress) throws IOException {
        requireEmptyStore();
        long events = new EventLogCheck(serializer).check(file);
        requireEmptyStore();
        BulkAppendUndo.Mark mark = undo.mark();
        List<String> attempted = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        long number = 0;
        long firstUnwritten = 1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (number < events) {
                number++;
                EventMessage<?> message = EventLine.parse(nextLine(reader, number), number).message(serializer);
                batch.add(message);
                attempted.add(message.getIdentifier());
                collectImportKeys(message.getPayload(), keys);
                if (batch.size() == BATCH || number == events) {
                    engine.appendEvents(batch);
                    batch.clear();
                    firstUnwritten = number + 1;
                    progress.accept(number);
                }
            }
            // After the events, inside the all-or-nothing: the keys are derived from them, binding one twice is
            // harmless, and a restore whose keys could not be bound is taken back like one whose events failed.
            keys.forEach(importKeys::claim);
        } catch (IOException | RuntimeException e) {
            throw takeBack(mark, attempted, e instanceof EventLogException atLine ? atLine.line() : firstUnwritten, e);
        }
        return events;
    }

    /** The import keys a document's events establish, as {@code DocumentImporter} claims them. */
    private static void collectImportKeys(Object payload, Map<String, String> keys) {
        if (payload instanceof DocumentImported imported) {
            bind(keys, imported.documentId(), imported.contentHash(), imported.source());
        } else if (payload instanceof DocumentReimported reimported) {
            bind(keys, reimported.documentId(), reimported.contentHash(), reimported.source());
        }
    }

    private static void bind(Map<String, String> keys, String documentId, String contentHash, DocumentSource source) {
        keys.putIfAbsent(ImportKeys.contentKey(contentHash), documentId);
        if (source.uri() != null) {
            keys.putIfAbsent(ImportKeys.sourceKey(source.uri()), documentId);
        }
    }

    /** The next line of a file checked before: a missing one means it changed while being read. */
    static String nextLine(BufferedReader reader, long number) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new EventLogException(number, "the file ends here; it changed while it was being imported");
        }
        return line;
    }

    private void requireEmptyStore() {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            if (events.findFirst().isPresent()) {
                throw new EventLogException(0, "the archive already holds events; import a log only into an empty store");
            }
        }
    }

    /** Removes what a failed import wrote; the exception says what the store holds now. */
    private EventLogException takeBack(BulkAppendUndo.Mark mark, List<String> attempted, long firstUnwrittenLine,
                                       Exception cause) {
        String failure = "writing the events from this line on failed (" + cause.getMessage() + ")";
        try {
            BulkAppendUndo.Outcome outcome = undo.undo(mark, attempted);
            log.warn("Import failed at line {}; removed the {} event(s) it had written", firstUnwrittenLine,
                    outcome.removed(), cause);
            return new EventLogException(firstUnwrittenLine, failure + "; the " + outcome.removed()
                    + " events written before were removed again, the archive is as it was"
                    + (outcome.counterRestored() ? "" : " (its global index counter moved on: new events leave a gap)"),
                    EventLogException.Outcome.WRITTEN_AND_REMOVED, cause);
        } catch (RuntimeException undoFailure) {
            cause.addSuppressed(undoFailure);
            log.error("Import failed at line {} and removing the events it wrote failed too; the store holds part of "
                    + "the log: empty it (drop its database or data directory) before importing again",
                    firstUnwrittenLine, cause);
            return new EventLogException(firstUnwrittenLine, failure + ", and removing the events written before failed ("
                    + undoFailure.getMessage() + "): the archive holds part of the log; empty it before importing again",
                    EventLogException.Outcome.PARTLY_WRITTEN, cause);
        }
    }

    private ObjectNode line(TrackedEventMessage<?> event) throws IOException {
        SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
        ObjectNode node = JSON.createObjectNode();
        node.put("position", event.trackingToken().position().orElse(-1));
        node.put("time", event.getTimestamp().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            node.put("aggregateType", domain.getType());
            node.put("aggregateId", domain.getAggregateIdentifier());
            node.put("sequence", domain.getSequenceNumber());
        }
        node.put("eventId", event.getIdentifier());
        node.put("payloadType", payload.getType().getName());
        node.put("payloadRevision", payload.getType().getRevision());
        node.set("payload", JSON.readTree(payload.getData()));
        node.set("metaData", JSON.valueToTree(event.getMetaData()));
        return node;
    }
}
