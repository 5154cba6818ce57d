package org.palimpsest.archive.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.serialization.ArchiveJson;

/**
 * The audit trail: the raw facts in global order, one JSON object per line, streamed from the event store
 * as they are read so that a long history never sits in memory.
 */
public final class AuditTrail {

    private static final ObjectMapper JSON = ArchiveJson.objectMapper();

    private final EventStorageEngine engine;
    private final Serializer serializer;

    public AuditTrail(EventStorageEngine engine, Serializer serializer) {
        this.engine = engine;
        this.serializer = serializer;
    }

    /** Hands every matching fact, as one NDJSON line without its newline, to {@code lines}; returns how many. */
    public long stream(AuditQuery query, Consumer<String> lines) {
        TrackingToken start = query.from() == null ? null : engine.createTokenAt(query.from());
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (matches(event, query)) {
                    lines.accept(line(event));
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean matches(TrackedEventMessage<?> event, AuditQuery query) {
        if (query.from() != null && event.getTimestamp().isBefore(query.from())) {
            return false;
        }
        if (query.to() != null && !event.getTimestamp().isBefore(query.to())) {
            return false;
        }
        if (query.type() != null && !event.getPayloadType().getSimpleName().equals(query.type())) {
            return false;
        }
        if (query.actor() != null && !query.actor().equals(event.getMetaData().get(Actors.METADATA_KEY))) {
            return false;
        }
        return query.aggregateId() == null || (event instanceof DomainEventMessage<?> domain
                && query.aggregateId().equals(domain.getAggregateIdentifier()));
    }

    private String line(TrackedEventMessage<?> event) {
        try {
            JsonNode payload = JSON.readTree(serializer.serialize(event.getPayload(), String.class).getData());
            ObjectNode node = JSON.createObjectNode();
            node.put("position", event.trackingToken().position().orElse(-1));
            node.put("time", event.getTimestamp().toString());
            node.put("type", event.getPayloadType().getSimpleName());
            node.put("aggregateId", event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null);
            node.put("actor", (String) event.getMetaData().get(Actors.METADATA_KEY));
            node.put("correlationId", (String) event.getMetaData().get("correlationId"));
            node.set("reason", reason(payload));
            node.set("payload", payload);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Facts name their why differently: a fix has a reason, a review a comment, a deletion a reason. */
    private static JsonNode reason(JsonNode payload) {
        for (String field : new String[] {"reason", "comment"}) {
            if (payload.hasNonNull(field)) {
                return payload.get(field);
            }
        }
        return JSON.nullNode();
    }
}
