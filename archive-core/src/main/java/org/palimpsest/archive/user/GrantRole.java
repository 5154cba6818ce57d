package org.palimpsest.archive.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Give an account one more role. */
public record GrantRole(String name, Role role, String grantedBy, @Nullable String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserNames.aggregateId(name);
    }
}
