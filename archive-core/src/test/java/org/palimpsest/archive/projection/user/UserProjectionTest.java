package org.palimpsest.archive.projection.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.archive.user.PasswordChanged;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.RoleGranted;
import org.palimpsest.archive.user.RoleRevoked;
import org.palimpsest.archive.user.UserAdded;

/** The account directory sign-in reads roles from, on the embedded MongoDB-wire server. */
class UserProjectionTest {

    private static final Instant T0 = Instant.parse("2025-02-03T04:05:06Z");

    private MongoServer server;
    private MongoClient client;
    private UserProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new UserProjection(client.getDatabase("users_test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void followsGrantsRevocationsAndPasswordChanges() {
        projection.on(new UserAdded("mara", List.of(Role.READER), "root"), T0);
        projection.on(new RoleGranted("mara", Role.AUDITOR, "root", null));
        projection.on(new RoleGranted("mara", Role.EDITOR, "root", null));
        projection.on(new RoleRevoked("mara", Role.READER, "root", null));
        projection.on(new PasswordChanged("mara", "mara"), T0.plusSeconds(60));

        UserAccount mara = projection.handle(new FindUser("mara")).orElseThrow();
        assertThat(mara.roles()).containsExactly(Role.EDITOR, Role.AUDITOR);
        assertThat(mara.addedAt()).isEqualTo(T0);
        assertThat(mara.addedBy()).isEqualTo("root");
        assertThat(mara.passwordChangedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(projection.handle(new FindUser("ines"))).isEmpty();
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        UserAdded added = new UserAdded("ines", List.of(Role.ANNOTATOR), "root");
        RoleGranted granted = new RoleGranted("ines", Role.EDITOR, "root", "desk");
        projection.on(added, T0);
        projection.on(granted);
        projection.on(granted);
        projection.on(new UserAdded("abe", List.of(Role.ADMIN), "root"), T0);

        assertThat(projection.handle(new ListUsers())).extracting(UserAccount::name).containsExactly("abe", "ines");
        assertThat(projection.handle(new FindUser("ines")).orElseThrow().roles()).containsExactly(Role.ANNOTATOR, Role.EDITOR);
    }
}
