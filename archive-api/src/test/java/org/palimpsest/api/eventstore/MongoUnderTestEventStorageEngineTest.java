package org.palimpsest.api.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.archive.eventstore.EventStorageEngineConformanceTest;

/**
 * The event-store conformance suite against the integration suite's MongoDB: a real MongoDB 8 replica set
 * through Testcontainers where Docker runs, the embedded server otherwise. The server is shared, so a
 * "restart" here drops every connection and reconnects; archive-core's own run restarts the embedded server
 * for real.
 */
class MongoUnderTestEventStorageEngineTest extends EventStorageEngineConformanceTest {

    private final String databaseName = "conformance_" + UUID.randomUUID().toString().replace("-", "");
    private MongoClient client;

    @Override
    protected MongoDatabase createEmptyDatabase() {
        return connect();
    }

    @Override
    protected MongoDatabase restartServer() {
        client.close();
        return connect();
    }

    @Override
    protected void releaseDatabase() {
        if (client != null) {
            client.getDatabase(databaseName).drop();
            client.close();
        }
    }

    private MongoDatabase connect() {
        client = MongoClients.create(MongoUnderTest.get().uri(databaseName));
        return client.getDatabase(databaseName);
    }
}
