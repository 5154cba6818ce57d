package org.palimpsest.archive.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A document in the archive. It remembers only what its rules need: the current content hash and the
 * text revision. The text itself lives in the events and the projections.
 */
public class Document {

    @AggregateIdentifier
    private String documentId;
    private String contentHash;
    private long revision;

    protected Document() {
        // Axon creates an empty instance and replays events into it.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportDocument command) {
        if (command.text().isBlank()) {
            throw new IllegalArgumentException("a document needs text");
        }
        String hash = ContentHash.of(command.text());
        if (documentId == null) {
            apply(new DocumentImported(command.documentId(), command.source(), command.title(), command.language(),
                    command.publishedAt(), command.text(), hash, command.importedBy()));
            return new ImportOutcome(command.documentId(), ImportOutcome.Result.IMPORTED, revision, hash);
        }
        if (hash.equals(contentHash)) {
            return new ImportOutcome(documentId, ImportOutcome.Result.UNCHANGED, revision, hash);
        }
        apply(new DocumentReimported(documentId, command.source(), command.title(), command.language(),
                command.publishedAt(), command.text(), hash, revision + 1, command.importedBy()));
        // apply() runs the sourcing handler at once, so revision is already the new one here.
        return new ImportOutcome(documentId, ImportOutcome.Result.REIMPORTED, revision, hash);
    }

    @EventSourcingHandler
    void on(DocumentImported event) {
        documentId = event.documentId();
        contentHash = event.contentHash();
        revision = 0;
    }

    @EventSourcingHandler
    void on(DocumentReimported event) {
        contentHash = event.contentHash();
        revision = event.revision();
    }
}
