package org.palimpsest.api.config;

import org.palimpsest.api.PalimpsestProperties;
import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.palimpsest.api.embedded.EmbeddedMongoServer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses the MongoDB the archive uses: {@code spring.mongodb.uri} (or {@code SPRING_MONGODB_URI}), else
 * {@code MONGODB_URI}, else an embedded server started here. Replacing Boot's connection details keeps the
 * rest of the stack (driver settings, actuator health) unaware of which one it got.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean
    MongoTarget mongoTarget(Environment environment, PalimpsestProperties properties) {
        String uri = environment.getProperty("spring.mongodb.uri");
        if (!StringUtils.hasText(uri)) {
            uri = environment.getProperty("MONGODB_URI");
        }
        if (StringUtils.hasText(uri)) {
            ConnectionString connection = new ConnectionString(uri);
            log.info("MongoDB mode: EXTERNAL at {} (database {})", connection.getHosts(),
                    databaseName(connection, properties));
            return new MongoTarget(connection, null);
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.dataDirOrDefault(), properties.embeddedPort(),
                Boolean.TRUE.equals(properties.durabilityOrDefault().embeddedFsync()));
        return new MongoTarget(new ConnectionString(server.connectionString(properties.databaseOrDefault())), server);
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoTarget target) {
        return target::connectionString;
    }

    /**
     * On a real MongoDB, a write is acknowledged once a majority of the replica set has it in its journal, and
     * tracking reads see only majority-committed data, so a fail-over never takes back an event a projection
     * or a client has seen. Options in the URI ({@code w}, {@code journal}, {@code readConcernLevel}) win over
     * {@code palimpsest.durability.*}. The embedded server commits every write to its file before answering
     * and ignores both concerns, so they are left alone there.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer durableConcerns(MongoTarget target, PalimpsestProperties properties) {
        PalimpsestProperties.Durability durability = properties.durabilityOrDefault();
        ConnectionString uri = target.connectionString();
        return settings -> {
            if (target.embedded() != null) {
                return;
            }
            if (uri.getWriteConcern() == null) {
                settings.writeConcern(writeConcern(durability));
            }
            if (uri.getReadConcern() == null) {
                settings.readConcern(new ReadConcern(ReadConcernLevel.fromString(durability.readConcern())));
            }
            log.info("MongoDB write concern {}, read concern {}",
                    uri.getWriteConcern() == null ? writeConcern(durability) : uri.getWriteConcern(),
                    uri.getReadConcern() == null ? durability.readConcern() : uri.getReadConcern());
        };
    }

    private static WriteConcern writeConcern(PalimpsestProperties.Durability durability) {
        String w = durability.writeConcern();
        WriteConcern concern = w.chars().allMatch(Character::isDigit) ? new WriteConcern(Integer.parseInt(w)) : new WriteConcern(w);
        return concern.withJournal(durability.journal());
    }

    /**
     * What projections write with. On the embedded store their writes are not waited for one by one ({@code j:
     * false}): the store commits whole operations in order, so a processor's token, written durably after its
     * views, makes them durable too, and a crash before it only makes the processor redo them. That is one wait per
     * batch instead of several per event. On a real MongoDB they keep the archive's concerns, so that a view is
     * visible to majority reads as soon as the token that covers it.
     */
    @Bean
    MongoDatabase projectionDatabase(MongoDatabase archiveDatabase, MongoTarget target) {
        return target.embedded() == null ? archiveDatabase
                : archiveDatabase.withWriteConcern(WriteConcern.W1.withJournal(false));
    }

    @Bean
    @Primary
    MongoDatabase archiveDatabase(MongoClient client, MongoTarget target, PalimpsestProperties properties) {
        return client.getDatabase(databaseName(target.connectionString(), properties));
    }

    private static String databaseName(ConnectionString connection, PalimpsestProperties properties) {
        String fromUri = connection.getDatabase();
        return StringUtils.hasText(fromUri) ? fromUri : properties.databaseOrDefault();
    }

    /** The MongoDB in use; owns the embedded server when there is one, and stops it with the context. */
    record MongoTarget(ConnectionString connectionString, @org.jspecify.annotations.Nullable EmbeddedMongoServer embedded)
            implements AutoCloseable {

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
