package org.palimpsest.archive.fix;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Propose one or more fixes to a document at once; all are anchored or none is recorded. With
 * {@code accept}, the proposer (an editor) accepts them in the same step, in order.
 */
public record ProposeFixes(
        @TargetAggregateIdentifier String documentId,
        List<FixProposal> fixes,
        String proposedBy,
        boolean accept,
        @Nullable String comment) {
}
