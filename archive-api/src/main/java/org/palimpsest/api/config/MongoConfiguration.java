package org.palimpsest.api.config;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.dataDirOrDefault(), properties.embeddedPort());
        return new MongoTarget(new ConnectionString(server.connectionString(properties.databaseOrDefault())), server);
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoTarget target) {
        return target::connectionString;
    }

    @Bean
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
