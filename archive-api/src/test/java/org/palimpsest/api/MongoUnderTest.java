package org.palimpsest.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.palimpsest.api.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB the integration suite runs against: a Testcontainers MongoDB 8 replica set where a Docker
 * engine answers, else the embedded wire-protocol server on an H2 file. Same tests either way; never skipped.
 */
public final class MongoUnderTest {

    private static final Logger log = LoggerFactory.getLogger(MongoUnderTest.class);
    private static MongoUnderTest instance;

    private final UnaryOperator<String> uriOfDatabase;
    private final String mode;

    private MongoUnderTest(UnaryOperator<String> uriOfDatabase, String mode) {
        this.uriOfDatabase = uriOfDatabase;
        this.mode = mode;
    }

    public static synchronized MongoUnderTest get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A connection string to {@code database} on the shared server. */
    public String uri(String database) {
        return uriOfDatabase.apply(database);
    }

    public String mode() {
        return mode;
    }

    private static MongoUnderTest start() {
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:8.0");
            container.start();
            String uri = container.getReplicaSetUrl();
            String base = uri.substring(0, uri.lastIndexOf('/'));
            log.info("integration suite: Testcontainers MongoDB at {}", base);
            return new MongoUnderTest(database -> base + "/" + database, "testcontainers");
        }
        try {
            Path dir = Files.createTempDirectory("palimpsest-it-mongo");
            EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 0, true);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            log.info("integration suite: no Docker, embedded MongoDB-wire server on {}", dir);
            return new MongoUnderTest(server::connectionString, "embedded");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp dir for the embedded MongoDB", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
