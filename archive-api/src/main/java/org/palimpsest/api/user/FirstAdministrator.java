package org.palimpsest.api.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.palimpsest.api.PalimpsestProperties;
import org.palimpsest.archive.user.GrantRole;
import org.palimpsest.archive.user.RecordPasswordChange;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.AddUser;
import org.palimpsest.archive.user.UserExistsException;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.projection.user.UserProjection;
import org.palimpsest.api.web.ReadYourWrites;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first start of a server whose archive has no credentials at all creates the account {@code admin} with a
 * random password, writes it to {@code <data dir>/initial-admin-password} (owner read/write only) and logs it once.
 * Nothing ships with a password. Runs when the application is ready, after the bundled samples went in, so an
 * archive with samples still counts as fresh for them.
 *
 * <p>If {@code admin} already exists (an event log imported from elsewhere carries accounts but never credentials),
 * it gets the admin role back if needed and a new password, both recorded as events.
 */
@Component
@ConditionalOnWebApplication
class FirstAdministrator {

    static final String NAME = "admin";
    static final String FILE = "initial-admin-password";
    static final String ACTOR = "system:first-start";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final CommandGateway commands;
    private final ReadYourWrites reads;
    private final Path dataDir;

    FirstAdministrator(Credentials credentials, PasswordEncoder encoder, CommandGateway commands, ReadYourWrites reads,
                       PalimpsestProperties properties) {
        this.credentials = credentials;
        this.encoder = encoder;
        this.commands = commands;
        this.reads = reads;
        this.dataDir = properties.dataDirOrDefault();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenNoAccountCanSignIn() {
        if (!credentials.none()) {
            return;
        }
        String password = Passwords.generate();
        // The unique key on the name decides between two instances starting at once on one MongoDB.
        if (!credentials.putIfAbsent(NAME, encoder.encode(password))) {
            return;
        }
        try {
            record();
        } catch (RuntimeException e) {
            credentials.remove(NAME);
            throw e;
        }
        reads.await(UserProjection.PROCESSING_GROUP);
        Path file = dataDir.resolve(FILE).toAbsolutePath();
        try {
            write(file, password);
        } catch (IOException e) {
            // The account exists either way; the log line below is then the only place the password is shown.
            log.error("could not write {} ({}); the administrator password is only in the next log line", file, e.toString());
        }
        log.warn("""
                first start: created account '{}' with password {}
                    (also in {}, readable by this OS user only). Sign in, add your own accounts \
                (POST /api/admin/users or ./palimpsest users add), then delete that file.""", NAME, password, file);
    }

    private void record() {
        try {
            commands.sendAndWait(Actors.command(new AddUser(NAME, Set.of(Role.ADMIN), ACTOR), ACTOR));
        } catch (UserExistsException e) {
            commands.sendAndWait(Actors.command(new GrantRole(NAME, Role.ADMIN, ACTOR,
                    "no account had a password; the administrator account is restored"), ACTOR));
            commands.sendAndWait(Actors.command(new RecordPasswordChange(NAME, ACTOR), ACTOR));
        }
    }

    private static void write(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        byte[] content = (password + "\n").getBytes(StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created with owner-only permissions, so there is no moment when others could read it.
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.write(file, content);
        } else {
            Files.write(file, content);
            log.warn("{} cannot be given owner-only permissions on this file system; restrict it by hand", file);
        }
    }
}
