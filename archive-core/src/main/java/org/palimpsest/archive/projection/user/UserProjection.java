package org.palimpsest.archive.projection.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.palimpsest.archive.user.PasswordChanged;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.RoleGranted;
import org.palimpsest.archive.user.RoleRevoked;
import org.palimpsest.archive.user.UserAdded;

/**
 * Projects the user events into {@code users}, one record per account keyed by its name. Sign-in reads roles from
 * here. Every write is idempotent ($addToSet, $pull, replace by key), so an event delivered twice changes nothing.
 */
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {

    public static final String PROCESSING_GROUP = "users";
    public static final String USERS = "users";

    private final MongoCollection<Document> users;

    public UserProjection(MongoDatabase database) {
        this.users = database.getCollection(USERS);
    }

    @EventHandler
    void on(UserAdded event, @Timestamp Instant time) {
        Document user = new Document("_id", event.name())
                .append("roles", event.roles().stream().map(Role::name).toList())
                .append("addedAt", Date.from(time))
                .append("addedBy", event.addedBy());
        users.replaceOne(Filters.eq("_id", event.name()), user, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(RoleGranted event) {
        users.updateOne(Filters.eq("_id", event.name()), Updates.addToSet("roles", event.role().name()));
    }

    @EventHandler
    void on(RoleRevoked event) {
        users.updateOne(Filters.eq("_id", event.name()), Updates.pull("roles", event.role().name()));
    }

    @EventHandler
    void on(PasswordChanged event, @Timestamp Instant time) {
        users.updateOne(Filters.eq("_id", event.name()), Updates.set("passwordChangedAt", Date.from(time)));
    }

    @ResetHandler
    void reset() {
        users.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<UserAccount> handle(FindUser query) {
        return Optional.ofNullable(users.find(Filters.eq("_id", query.name())).first()).map(UserProjection::account);
    }

    @QueryHandler
    public List<UserAccount> handle(ListUsers query) {
        return users.find().sort(Sorts.ascending("_id")).map(UserProjection::account).into(new ArrayList<>());
    }

    private static UserAccount account(Document user) {
        List<Role> roles = user.getList("roles", String.class, List.of()).stream().map(Role::valueOf).sorted().toList();
        Date changed = user.getDate("passwordChangedAt");
        return new UserAccount(user.getString("_id"), roles, user.getDate("addedAt").toInstant(), user.getString("addedBy"),
                changed == null ? null : changed.toInstant());
    }
}
