package org.palimpsest.archive.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * The whole event log as NDJSON, for backups and for moving an archive to another MongoDB: one event a line
 * in global order, then a last line {@code {"checksum":"sha256:…","events":n}} over all the lines before it.
 * Importing verifies the checksum before it writes anything, and only into an empty store; the projections
 * are then rebuilt from the imported events by the processors, like any new events.
 */
public final class EventLog {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();
    private static final int BATCH = 100;

    private final EventStorageEngine engine;
    private final Serializer serializer;

    public EventLog(EventStorageEngine engine, Serializer serializer) {
        this.engine = engine;
        this.serializer = serializer;
    }

    /** Writes every event and the checksum line; {@code progress} hears the count so far. Returns the count. */
    public long export(Writer out, LongConsumer progress) throws IOException {
        MessageDigest digest = sha256();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
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
     * Imports a log written by {@link #export} into this (empty) store.
     *
     * @throws EventLogException naming the line at fault; nothing is written unless the whole log checks out
     */
    public long importFrom(Path file, LongConsumer progress) throws IOException {
        if (engine.readEvents(null, false).findFirst().isPresent()) {
            throw new EventLogException(0, "the archive already holds events; import a log only into an empty store");
        }
        long events = verify(file);
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null && count < events) {
                number++;
                batch.add(message(JSON.readTree(line), number));
                count++;
                if (batch.size() == BATCH) {
                    engine.appendEvents(batch);
                    batch.clear();
                    progress.accept(count);
                }
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            progress.accept(count);
        }
        return count;
    }

    /** Checks the checksum line against every line before it; returns the number of events. */
    private static long verify(Path file) throws IOException {
        MessageDigest digest = sha256();
        long number = 0;
        String previous = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (previous != null) {
                    digest.update((previous + "\n").getBytes(StandardCharsets.UTF_8));
                }
                previous = line;
                number++;
            }
        }
        if (previous == null) {
            throw new EventLogException(0, "the file is empty");
        }
        JsonNode last;
        try {
            last = JSON.readTree(previous);
        } catch (JsonProcessingException e) {
            throw new EventLogException(number, "the last line must be the checksum line; it is not JSON");
        }
        if (last == null || !last.has("checksum") || !last.has("events")) {
            throw new EventLogException(number, "the last line must be {\"checksum\": …, \"events\": …}; the log is truncated");
        }
        String expected = "sha256:" + HexFormat.of().formatHex(digest.digest());
        if (!expected.equals(last.get("checksum").asText())) {
            throw new EventLogException(number, "checksum mismatch: the log was changed or damaged after export");
        }
        if (last.get("events").asLong() != number - 1) {
            throw new EventLogException(number, "the checksum line counts " + last.get("events").asLong()
                    + " events but the file holds " + (number - 1));
        }
        return number - 1;
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

    private EventMessage<?> message(JsonNode node, long number) {
        try {
            SimpleSerializedObject<String> payload = new SimpleSerializedObject<>(JSON.writeValueAsString(node.get("payload")),
                    String.class, node.get("payloadType").asText(),
                    node.hasNonNull("payloadRevision") ? node.get("payloadRevision").asText() : null);
            Object data = serializer.deserialize(payload);
            @SuppressWarnings("unchecked")
            Map<String, Object> metaData = JSON.treeToValue(node.get("metaData"), Map.class);
            return new GenericDomainEventMessage<>(node.get("aggregateType").asText(), node.get("aggregateId").asText(),
                    node.get("sequence").asLong(), data, MetaData.from(metaData), node.get("eventId").asText(),
                    Instant.parse(node.get("time").asText()));
        } catch (RuntimeException | IOException e) {
            throw new EventLogException(number, "cannot read this event: " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
