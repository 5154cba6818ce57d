package org.palimpsest.api.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the archive's MongoDB, external or embedded. Replaces Boot's Mongo indicator, whose {@code hello}
 * command the embedded wire-protocol server does not know; {@code ping} works on both.
 */
@Component("archiveStore")
class ArchiveStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoConfiguration.MongoTarget target;

    ArchiveStoreHealthIndicator(MongoDatabase archiveDatabase, MongoConfiguration.MongoTarget target) {
        this.database = archiveDatabase;
        this.target = target;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("mode", target.embedded() == null ? "external" : "embedded")
                .withDetail("database", database.getName());
        if (target.embedded() != null) {
            builder.withDetail("file", target.embedded().file().toString());
        }
    }
}
