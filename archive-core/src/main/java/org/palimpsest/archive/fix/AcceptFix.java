package org.palimpsest.archive.fix;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** A reviewer's decision on one fix, with an optional comment. */
public record AcceptFix(@TargetAggregateIdentifier String documentId, String fixId, String reviewer, @Nullable String comment) {
}
