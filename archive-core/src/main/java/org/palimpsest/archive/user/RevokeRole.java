package org.palimpsest.archive.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Take one role from an account. */
public record RevokeRole(String name, Role role, String revokedBy, @Nullable String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserNames.aggregateId(name);
    }
}
