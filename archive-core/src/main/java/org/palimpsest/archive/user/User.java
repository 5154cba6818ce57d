package org.palimpsest.archive.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.palimpsest.archive.input.InputLimits;

/**
 * An archive account: its name and the roles it holds. Only facts about the account live here; whether a password
 * is right is decided against a hash kept outside the event log. Granting a held role or revoking one not held
 * records nothing, so the audit stream shows only real changes.
 */
public class User {

    @AggregateIdentifier
    private String id;
    private String name;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);

    protected User() {
        // Axon creates an empty instance and replays events into it.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddUser command) {
        if (id != null) {
            throw new UserExistsException(command.name());
        }
        UserNames.requireValid(command.name());
        apply(new UserAdded(command.name(), List.copyOf(EnumSet.copyOf(nonEmpty(command.roles()))), command.addedBy()));
    }

    @CommandHandler
    public boolean handle(GrantRole command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        if (roles.contains(command.role())) {
            return false;
        }
        apply(new RoleGranted(name, command.role(), command.grantedBy(), command.reason()));
        return true;
    }

    @CommandHandler
    public boolean handle(RevokeRole command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        if (!roles.contains(command.role())) {
            return false;
        }
        // The one rule that needs no other account: nobody locks themselves out of administration by mistake.
        if (command.role() == Role.ADMIN && name.equals(command.revokedBy())) {
            throw new UserRuleException("an administrator cannot revoke their own admin role; ask another administrator");
        }
        apply(new RoleRevoked(name, command.role(), command.revokedBy(), command.reason()));
        return true;
    }

    @CommandHandler
    public void handle(RecordPasswordChange command) {
        apply(new PasswordChanged(name, command.changedBy()));
    }

    @EventSourcingHandler
    void on(UserAdded event) {
        id = UserNames.aggregateId(event.name());
        name = event.name();
        roles.addAll(event.roles());
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(event.role());
    }

    private static Set<Role> nonEmpty(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new InvalidUserException("roles", "an account needs at least one role; roles are " + Role.labels());
        }
        return roles;
    }
}
