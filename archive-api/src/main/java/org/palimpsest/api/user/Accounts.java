package org.palimpsest.api.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.projection.user.FindUser;
import org.palimpsest.archive.projection.user.ListUsers;
import org.palimpsest.archive.projection.user.UserAccount;
import org.palimpsest.archive.projection.user.UserProjection;
import org.palimpsest.archive.user.AddUser;
import org.palimpsest.archive.user.GrantRole;
import org.palimpsest.archive.user.RecordPasswordChange;
import org.palimpsest.archive.user.RevokeRole;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.UserNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Account changes for the API and the command line. Each one is recorded as an event first (so the audit stream
 * shows who did it), then the hash is stored; the answer waits until sign-in sees the change.
 */
@Component
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final CommandGateway commands;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final UserProjection directory;
    private final ReadYourWrites reads;

    Accounts(CommandGateway commands, Credentials credentials, PasswordEncoder encoder, UserProjection directory,
             ReadYourWrites reads) {
        this.commands = commands;
        this.credentials = credentials;
        this.encoder = encoder;
        this.directory = directory;
        this.reads = reads;
    }

    /** Adds an account; a null password is generated and returned (shown once, never stored in clear). */
    public NewPassword add(String name, Set<Role> roles, @Nullable String password, String actor) {
        UserNames.requireValid(name);
        String chosen = Passwords.orGenerated(password);
        // Hashed before the fact is recorded, so only a store failure can come between the two.
        String hash = encoder.encode(chosen);
        commands.sendAndWait(Actors.command(new AddUser(name, roles, actor), actor));
        credentials.put(name, hash);
        reads.await(UserProjection.PROCESSING_GROUP);
        log.info("account '{}' added with roles {} by {}", name, roles, actor);
        return new NewPassword(chosen, password == null);
    }

    /** @return false when the account already held the role (nothing recorded) */
    public boolean grant(String name, Role role, String actor, @Nullable String reason) {
        boolean changed = Boolean.TRUE.equals(send(name, new GrantRole(name, role, actor, reason), actor));
        reads.await(UserProjection.PROCESSING_GROUP);
        if (changed) {
            log.info("role {} granted to '{}' by {}", role.label(), name, actor);
        }
        return changed;
    }

    /** @return false when the account did not hold the role (nothing recorded) */
    public boolean revoke(String name, Role role, String actor, @Nullable String reason) {
        boolean changed = Boolean.TRUE.equals(send(name, new RevokeRole(name, role, actor, reason), actor));
        reads.await(UserProjection.PROCESSING_GROUP);
        if (changed) {
            log.info("role {} revoked from '{}' by {}", role.label(), name, actor);
        }
        return changed;
    }

    /** Sets a new password (generated when null); the event says that and who, never what. */
    public NewPassword changePassword(String name, @Nullable String password, String actor) {
        String chosen = Passwords.orGenerated(password);
        String hash = encoder.encode(chosen);
        send(name, new RecordPasswordChange(name, actor), actor);
        credentials.put(name, hash);
        reads.await(UserProjection.PROCESSING_GROUP);
        log.info("password of '{}' set anew by {}", name, actor);
        return new NewPassword(chosen, password == null);
    }

    public Optional<UserAccount> find(String name) {
        return directory.handle(new FindUser(name));
    }

    public List<UserAccount> list() {
        return directory.handle(new ListUsers());
    }

    private @Nullable Object send(String name, Object command, String actor) {
        try {
            return commands.sendAndWait(Actors.command(command, actor));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("no account named '" + name + "'");
        }
    }
}
