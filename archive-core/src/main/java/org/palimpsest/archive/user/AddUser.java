package org.palimpsest.archive.user;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an account with its first roles. The password is not part of it: it never enters the event log. */
public record AddUser(String name, Set<Role> roles, String addedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserNames.aggregateId(name);
    }
}
