package org.palimpsest.archive.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an account's password was set anew (the hash itself is stored apart from the log). */
public record RecordPasswordChange(String name, String changedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return UserNames.aggregateId(name);
    }
}
