package org.palimpsest.archive.history;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.provenance.Actors;

/**
 * A document's history, read from its own event stream: the facts are the record, so the history needs no
 * projection of its own and can never disagree with them.
 */
public class DocumentHistory {

    private final EventStore events;

    public DocumentHistory(EventStore events) {
        this.events = events;
    }

    /** Every fact about {@code documentId}, oldest first; empty when there is no such document. */
    public List<HistoryEntry> of(String documentId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = events.readEvents(documentId);
        while (stream.hasNext()) {
            entries.add(entry(stream.next()));
        }
        return entries;
    }

    private static HistoryEntry entry(DomainEventMessage<?> message) {
        String actor = String.valueOf(message.getMetaData().getOrDefault(Actors.METADATA_KEY, "unknown"));
        Object correlation = message.getMetaData().get("correlationId");
        String correlationId = correlation == null ? null : correlation.toString();
        long seq = message.getSequenceNumber();
        String type = message.getPayloadType().getSimpleName();
        Object payload = message.getPayload();
        if (payload instanceof DocumentImported e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, null, 0L, null,
                    "imported \"" + e.title() + "\" (" + e.language() + ")");
        }
        if (payload instanceof DocumentReimported e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, null, e.revision(), null,
                    "re-imported changed content from the source");
        }
        if (payload instanceof TranslationFixProposed e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, e.reason(), null, e.fixId(),
                    "proposed " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + " fix: \"" + e.target().exact()
                            + "\" → \"" + e.replacement() + "\"");
        }
        if (payload instanceof TranslationFixAccepted e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, e.comment(), e.revision(),
                    e.fixId(), "accepted fix" + (e.reanchored() ? " (re-anchored by its quote)" : ""));
        }
        if (payload instanceof TranslationFixRejected e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, e.comment(), null, e.fixId(),
                    "rejected fix");
        }
        if (payload instanceof TranslationFixReverted e) {
            return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, e.comment(), e.revision(),
                    e.fixId(), "reverted fix");
        }
        return new HistoryEntry(seq, message.getTimestamp(), type, actor, correlationId, null, null, null, type);
    }
}
