package org.palimpsest.archive.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.AcceptFix;
import org.palimpsest.archive.fix.FixConflictException;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixRefusedException;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.FixStateException;
import org.palimpsest.archive.fix.FixTarget;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.fix.QuoteAnchor;
import org.palimpsest.archive.fix.RejectFix;
import org.palimpsest.archive.fix.RevertFix;
import org.palimpsest.archive.fix.RevisionHistory;
import org.palimpsest.archive.fix.TextChange;
import org.palimpsest.archive.fix.TranslationFixAccepted;
import org.palimpsest.archive.fix.TranslationFixProposed;
import org.palimpsest.archive.fix.TranslationFixRejected;
import org.palimpsest.archive.fix.TranslationFixReverted;
import org.palimpsest.archive.fix.UnknownFixException;
import org.palimpsest.archive.input.InputLimits;
import org.palimpsest.archive.input.UnicodeText;

/**
 * A document in the archive: its current text and revision, how each revision came about, and the review
 * state of its translation fixes. Every rule about changing a document's text lives here.
 */
public class Document {

    /** Context captured around a fix's quote when the proposer gave none, so it can be found again later. */
    private static final int CONTEXT = 32;

    @AggregateIdentifier
    private String documentId;
    private String contentHash;
    private long revision;
    private String text;
    private final RevisionHistory history = new RevisionHistory();
    private final Map<String, Fix> fixes = new HashMap<>();

    /** What the aggregate remembers of a fix: enough to place, apply and undo it. */
    private record Fix(FixTarget target, String replacement, FixState state, @Nullable TextChange applied,
                       long appliedRevision) {

        Fix with(FixState newState, @Nullable TextChange change, long atRevision) {
            return new Fix(target, replacement, newState, change, atRevision);
        }
    }

    protected Document() {
        // Axon creates an empty instance and replays events into it.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportDocument command) {
        requireAcceptable(command.title(), command.language(), command.source(), command.publishedAt(), command.text());
        // Normalizing here too (it is idempotent) makes the stored text and its hash one, whoever sent the command.
        String text = DocumentText.normalize(command.text());
        if (text.isBlank()) {
            throw new InvalidDocumentException("text", "a document needs text");
        }
        String hash = ContentHash.of(text);
        if (documentId == null) {
            apply(new DocumentImported(command.documentId(), command.source(), command.title(), command.language(),
                    command.publishedAt(), text, hash, command.importedBy()));
            return new ImportOutcome(command.documentId(), ImportOutcome.Result.IMPORTED, revision, hash);
        }
        if (hash.equals(contentHash)) {
            return new ImportOutcome(documentId, ImportOutcome.Result.UNCHANGED, revision, hash);
        }
        apply(new DocumentReimported(documentId, command.source(), command.title(), command.language(),
                command.publishedAt(), text, hash, revision + 1, command.importedBy()));
        // apply() runs the sourcing handler at once, so revision is already the new one here.
        return new ImportOutcome(documentId, ImportOutcome.Result.REIMPORTED, revision, hash);
    }

    /**
     * The limits and the Unicode rule for an import's fields ({@link InputLimits}); the text itself is limited by the
     * size of its event ({@link InputLimits#STORED_EVENT_BYTES}). Checked by the importer before it claims an import
     * key, and here for every other sender.
     */
    static void requireAcceptable(String title, String language, DocumentSource source, @Nullable String publishedAt,
                                  String text) {
        UnicodeText.requireScalarValues("text", null, text);
        InputLimits.check("title", title, InputLimits.TITLE);
        InputLimits.check("language", language, InputLimits.LANGUAGE);
        InputLimits.check("sourceUri", source.uri(), InputLimits.SOURCE_URI);
        InputLimits.check("publisher", source.publisher(), InputLimits.PUBLISHER);
        InputLimits.check("publishedAt", publishedAt, InputLimits.PUBLISHED_AT);
    }

    /** Anchors every proposal first, so a batch is recorded whole or not at all. */
    @CommandHandler
    public List<String> handle(ProposeFixes command) {
        InputLimits.check("comment", command.comment(), InputLimits.COMMENT);
        List<TranslationFixProposed> proposed = new ArrayList<>();
        Set<String> batchIds = new HashSet<>();
        for (int i = 0; i < command.fixes().size(); i++) {
            FixProposal proposal = command.fixes().get(i);
            if (fixes.containsKey(proposal.fixId()) || !batchIds.add(proposal.fixId())) {
                throw new FixRefusedException(i, "id", "fix id " + proposal.fixId() + " is already in use", null);
            }
            proposed.add(new TranslationFixProposed(documentId, proposal.fixId(), anchor(i, proposal),
                    proposal.replacement(), proposal.kind(), proposal.reason().strip(), proposal.reference(),
                    command.proposedBy()));
        }
        proposed.forEach(event -> apply(event));
        if (command.accept()) {
            proposed.forEach(event -> accept(event.fixId(), command.proposedBy(), command.comment()));
        }
        return proposed.stream().map(TranslationFixProposed::fixId).toList();
    }

    @CommandHandler
    public void handle(AcceptFix command) {
        InputLimits.check("comment", command.comment(), InputLimits.COMMENT);
        requireState(command.fixId(), FixState.PENDING, "accepted");
        accept(command.fixId(), command.reviewer(), command.comment());
    }

    @CommandHandler
    public void handle(RejectFix command) {
        InputLimits.check("comment", command.comment(), InputLimits.COMMENT);
        requireState(command.fixId(), FixState.PENDING, "rejected");
        apply(new TranslationFixRejected(documentId, command.fixId(), command.reviewer(), command.comment()));
    }

    /** Puts back what an accepted fix replaced, wherever later changes have moved it. */
    @CommandHandler
    public void handle(RevertFix command) {
        InputLimits.check("comment", command.comment(), InputLimits.COMMENT);
        Fix fix = requireState(command.fixId(), FixState.ACCEPTED, "reverted");
        TextChange applied = fix.applied();
        Span inserted = new Span(applied.start(), applied.insertedEnd());
        Optional<Span> now = history.map(inserted, fix.appliedRevision())
                .filter(span -> slice(span).equals(applied.inserted()));
        if (now.isEmpty()) {
            throw new FixConflictException(command.fixId(), "the text this fix inserted was changed after revision "
                    + fix.appliedRevision() + "; revert the later change first", revision,
                    history.changesSince(fix.appliedRevision()));
        }
        apply(new TranslationFixReverted(documentId, command.fixId(),
                new TextChange(now.get().start(), applied.inserted(), applied.removed()), revision + 1,
                command.reviewer(), command.comment()));
    }

    private void accept(String fixId, String reviewer, @Nullable String comment) {
        Fix fix = fixes.get(fixId);
        FixTarget target = fix.target();
        Span proposedAt = new Span(target.start(), target.end());
        Optional<Span> mapped = history.map(proposedAt, target.revision()).filter(span -> slice(span).equals(target.exact()));
        boolean reanchored = mapped.isEmpty();
        Span place = mapped.orElseGet(() -> reanchor(fixId, target));
        apply(new TranslationFixAccepted(documentId, fixId, new TextChange(place.start(), target.exact(), fix.replacement()),
                revision + 1, reanchored, reviewer, comment));
    }

    /** The text under the fix changed: only its quote and context, found once and only once, may place it. */
    private Span reanchor(String fixId, FixTarget target) {
        QuoteAnchor.Result found = QuoteAnchor.locate(text,
                new FixTarget(target.exact(), target.prefix(), target.suffix(), null, null, null));
        return found.span().orElseThrow(() -> new FixConflictException(fixId,
                found.ambiguous()
                        ? "the text changed since revision " + target.revision() + " and the fix's quote now fits "
                          + found.candidates().size() + " places"
                        : "the text this fix replaces changed since revision " + target.revision()
                          + " and its quote is no longer there",
                revision, history.changesSince(target.revision())));
    }

    private FixTarget anchor(int index, FixProposal proposal) {
        FixTarget target = proposal.target();
        requireWithinLimits(index, proposal);
        if (target.exact() == null || target.exact().isEmpty()) {
            throw new FixRefusedException(index, "target.exact", "a fix needs the exact text it replaces", null);
        }
        if (proposal.replacement() == null || proposal.replacement().equals(target.exact())) {
            throw new FixRefusedException(index, "replacement", "the replacement must differ from the text it replaces", null);
        }
        if (proposal.reason() == null || proposal.reason().isBlank()) {
            throw new FixRefusedException(index, "reason", "say why the text is wrong", null);
        }
        long against = target.revision() == null ? revision : target.revision();
        if (against < 0 || against > revision) {
            throw new FixRefusedException(index, "target.revision",
                    "revision " + against + " does not exist; the current revision is " + revision, null);
        }
        String base = history.textAt(against, text);
        QuoteAnchor.Result found = QuoteAnchor.locate(base, target);
        if (found.ambiguous()) {
            throw new FixRefusedException(index, "target", "'" + target.exact() + "' occurs " + found.candidates().size()
                    + " times in revision " + against + "; give start/end or a prefix/suffix to say which", found.candidates());
        }
        Span span = found.span().orElseThrow(() -> new FixRefusedException(index, "target.exact",
                "'" + target.exact() + "' is not in revision " + against
                        + (target.start() != null ? " at " + target.start() : "") + " with the context given", null));
        IndexedText indexed = new IndexedText(base);
        String prefix = target.prefix() != null ? target.prefix()
                : indexed.slice(new Span(Math.max(0, span.start() - CONTEXT), span.start()));
        String suffix = target.suffix() != null ? target.suffix()
                : indexed.slice(new Span(span.end(), Math.min(indexed.length(), span.end() + CONTEXT)));
        return new FixTarget(target.exact(), prefix, suffix, span.start(), span.end(), against);
    }

    /**
     * Every text of a proposal within its limit and made of whole characters: a quote with a lone surrogate would
     * match half of an astral character and the fix would split it.
     */
    private static void requireWithinLimits(int index, FixProposal proposal) {
        FixTarget target = proposal.target();
        InputLimits.check("target.exact", index, target.exact(), InputLimits.QUOTE);
        InputLimits.check("target.prefix", index, target.prefix(), InputLimits.QUOTE_CONTEXT);
        InputLimits.check("target.suffix", index, target.suffix(), InputLimits.QUOTE_CONTEXT);
        InputLimits.check("replacement", index, proposal.replacement(), InputLimits.REPLACEMENT);
        InputLimits.check("reason", index, proposal.reason(), InputLimits.REASON);
        if (proposal.reference() != null) {
            InputLimits.check("reference.text", index, proposal.reference().text(), InputLimits.REFERENCE);
            InputLimits.check("reference.language", index, proposal.reference().language(), InputLimits.LANGUAGE);
        }
    }

    private Fix requireState(String fixId, FixState expected, String action) {
        Fix fix = fixes.get(fixId);
        if (fix == null) {
            throw new UnknownFixException(documentId, fixId);
        }
        if (fix.state() != expected) {
            throw new FixStateException(fixId, fix.state(), action);
        }
        return fix;
    }

    private String slice(Span span) {
        IndexedText indexed = new IndexedText(text);
        return span.end() <= indexed.length() ? indexed.slice(span) : "";
    }

    @EventSourcingHandler
    void on(DocumentImported event) {
        documentId = event.documentId();
        contentHash = event.contentHash();
        text = event.text();
        revision = 0;
    }

    @EventSourcingHandler
    void on(DocumentReimported event) {
        history.recordReplacement(event.revision(), text);
        contentHash = event.contentHash();
        text = event.text();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(TranslationFixProposed event) {
        fixes.put(event.fixId(), new Fix(event.target(), event.replacement(), FixState.PENDING, null, -1));
    }

    @EventSourcingHandler
    void on(TranslationFixAccepted event) {
        changeText(event.change(), event.revision());
        fixes.computeIfPresent(event.fixId(), (id, fix) -> fix.with(FixState.ACCEPTED, event.change(), event.revision()));
    }

    @EventSourcingHandler
    void on(TranslationFixRejected event) {
        fixes.computeIfPresent(event.fixId(), (id, fix) -> fix.with(FixState.REJECTED, null, -1));
    }

    @EventSourcingHandler
    void on(TranslationFixReverted event) {
        changeText(event.change(), event.revision());
        fixes.computeIfPresent(event.fixId(), (id, fix) -> fix.with(FixState.REVERTED, fix.applied(), fix.appliedRevision()));
    }

    private void changeText(TextChange change, long newRevision) {
        // contentHash stays the imported content's: re-importing an unchanged source must not undo fixes.
        text = change.applyTo(text);
        history.recordChange(newRevision, change);
        revision = newRevision;
    }
}
