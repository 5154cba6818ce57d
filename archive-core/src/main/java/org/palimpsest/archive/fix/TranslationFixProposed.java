package org.palimpsest.archive.fix;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A fix was proposed. {@code target} is complete as anchored: its start, end and revision say exactly which
 * text of which revision it replaces.
 */
@Revision("1")
public record TranslationFixProposed(
        String documentId,
        String fixId,
        FixTarget target,
        String replacement,
        FixKind kind,
        String reason,
        @Nullable FixReference reference,
        String proposedBy) {

    /** The same proposal by someone else; handy where an editor proposes and accepts in one step. */
    public TranslationFixProposed withProposer(String proposer) {
        return new TranslationFixProposed(documentId, fixId, target, replacement, kind, reason, reference, proposer);
    }
}
