package org.palimpsest.archive.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * One event line of an exported log, its fields read and typed. Events not published by an aggregate have a null
 * {@code aggregateId} (and type); every other field is required.
 *
 * @param position the event's global index in the archive it was exported from
 */
record EventLine(long number, long position, Instant time, @Nullable String aggregateType, @Nullable String aggregateId,
                 long sequence, String eventId, SerializedType payloadType, JsonNode payload, Map<String, Object> metaData) {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();

    /** Reads line {@code number}; a line that is not a well-formed event line is refused with what is wrong. */
    static EventLine parse(String text, long number) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EventLogException(number, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new EventLogException(number, "an event line must be a JSON object");
        }
        @Nullable String aggregateId = text(node, "aggregateId", number, false);
        @Nullable String aggregateType = text(node, "aggregateType", number, false);
        if (aggregateId != null && aggregateType == null) {
            throw new EventLogException(number, "\"aggregateType\" is missing: an aggregate's event names its type");
        }
        String time = required(text(node, "time", number, true));
        Instant instant;
        try {
            instant = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new EventLogException(number, "\"time\" must be an ISO-8601 instant, not " + time);
        }
        if (!node.path("payload").isObject()) {
            throw new EventLogException(number, "\"payload\" must be a JSON object");
        }
        if (!node.path("metaData").isObject()) {
            throw new EventLogException(number, "\"metaData\" must be a JSON object");
        }
        Map<String, Object> metaData = JSON.convertValue(node.get("metaData"), new TypeReference<>() { });
        return new EventLine(number, whole(node, "position", number),
                instant, aggregateType, aggregateId,
                aggregateId == null ? 0 : whole(node, "sequence", number),
                required(text(node, "eventId", number, true)),
                new SimpleSerializedType(required(text(node, "payloadType", number, true)),
                        text(node, "payloadRevision", number, false)),
                node.get("payload"), metaData);
    }

    /** The payload as its event class, through the archive's event serializer. */
    Object payload(Serializer serializer) {
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(JSON.writeValueAsString(payload), String.class, payloadType));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new EventLogException(number, "the payload does not fit " + payloadType.getName() + " ("
                    + rootMessage(e) + ")");
        }
    }

    /** The event as it is appended again: same identifier, time, aggregate stream and metadata. */
    EventMessage<?> message(Serializer serializer) {
        Object data = payload(serializer);
        if (aggregateId == null) {
            return new GenericEventMessage<>(eventId, data, MetaData.from(metaData), time);
        }
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, data, MetaData.from(metaData),
                eventId, time);
    }

    private static @Nullable String text(JsonNode node, String field, long number, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new EventLogException(number, "\"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new EventLogException(number, "\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static long whole(JsonNode node, String field, long number) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new EventLogException(number, "\"" + field + "\" is missing");
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new EventLogException(number, "\"" + field + "\" must be a whole number, 0 or more");
        }
        return value.asLong();
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("required fields are checked as they are read");
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
