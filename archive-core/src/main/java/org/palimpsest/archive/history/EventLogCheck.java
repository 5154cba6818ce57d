package org.palimpsest.archive.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * Reads a whole exported log before anything of it is written, and refuses it at the first problem with the line
 * at fault: the checksum line against every line before it; then each event line: its JSON and fields, a payload
 * of an event type and revision this archive knows with every field the event requires, its aggregate's sequence
 * (0, 1, 2, … with no gap or repeat), its position (strictly after the previous line's) and its event identifier
 * (not seen before). A log that passes can only fail to import because the store refuses it.
 */
final class EventLogCheck {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();

    private final Serializer serializer;

    EventLogCheck(Serializer serializer) {
        this.serializer = serializer;
    }

    /** Checks {@code file} through and through; returns its number of events. */
    long check(Path file) throws IOException {
        long events = checksum(file);
        Map<String, Long> nextSequence = new HashMap<>();
        Map<String, String> aggregateTypes = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        long previousPosition = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (long number = 1; number <= events; number++) {
                EventLine line = EventLine.parse(EventLog.nextLine(reader, number), number);
                if (line.position() <= previousPosition) {
                    throw new EventLogException(number, "position " + line.position() + " is not after the previous line's "
                            + previousPosition + ": an export lists events in strictly increasing global order");
                }
                previousPosition = line.position();
                if (!eventIds.add(line.eventId())) {
                    throw new EventLogException(number, "event " + line.eventId() + " appears twice in the log");
                }
                if (line.aggregateId() != null) {
                    continuity(line, nextSequence, aggregateTypes);
                }
                shape(line);
            }
        }
        return events;
    }

    /** Checks the checksum line against every line before it; returns the number of events. */
    static long checksum(Path file) throws IOException {
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** An aggregate's events are numbered 0, 1, 2, … in the order they were applied; the store keeps them so. */
    private static void continuity(EventLine line, Map<String, Long> nextSequence, Map<String, String> aggregateTypes) {
        String aggregate = Objects.requireNonNull(line.aggregateId());
        long expected = nextSequence.getOrDefault(aggregate, 0L);
        if (line.sequence() != expected) {
            throw new EventLogException(line.number(), "aggregate " + aggregate + " has sequence number " + line.sequence()
                    + " where " + expected + " comes next: " + (line.sequence() < expected
                    ? "it repeats an earlier event of the aggregate"
                    : line.sequence() == expected + 1 ? "event " + expected + " is missing"
                    : "events " + expected + " to " + (line.sequence() - 1) + " are missing"));
        }
        nextSequence.put(aggregate, expected + 1);
        String type = aggregateTypes.putIfAbsent(aggregate, Objects.requireNonNull(line.aggregateType()));
        if (type != null && !type.equals(line.aggregateType())) {
            throw new EventLogException(line.number(), "aggregate " + aggregate + " is a " + type
                    + " in earlier lines, not a " + line.aggregateType());
        }
    }

    /** A known event type at the revision this archive writes, deserializing with every required field. */
    private void shape(EventLine line) {
        Class<?> type = serializer.classForType(line.payloadType());
        if (UnknownSerializedType.class.equals(type)) {
            throw new EventLogException(line.number(), "unknown event type " + line.payloadType().getName());
        }
        String revision = serializer.typeForClass(type).getRevision();
        if (!Objects.equals(revision, line.payloadType().getRevision())) {
            throw new EventLogException(line.number(), type.getSimpleName() + " is at revision " + revision
                    + " in this archive, the line has revision " + line.payloadType().getRevision()
                    + ", and no upcaster converts it");
        }
        Object payload = line.payload(serializer);
        missingPrimitive(type, line.payload()).or(() -> missing(payload, "")).ifPresent(field -> {
            throw new EventLogException(line.number(), type.getSimpleName() + " requires " + field
                    + ", which the payload lacks");
        });
    }

    /** A top-level number or flag absent from the JSON: it would silently deserialize as 0 or false. */
    private static Optional<String> missingPrimitive(Class<?> type, JsonNode json) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = component.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            if (component.getType().isPrimitive() && !json.has(name)) {
                return Optional.of("\"" + name + "\"");
            }
        }
        return Optional.empty();
    }

    /** The first component not declared {@code @Nullable} that is null, searched through nested records and lists. */
    private static Optional<String> missing(@Nullable Object value, String path) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                Optional<String> found = missing(item, path + "[" + index++ + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!value.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                component.getAccessor().trySetAccessible();
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
            if (field == null && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                return Optional.of("\"" + name + "\"");
            }
            Optional<String> found = missing(field, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
