package org.palimpsest.api.config;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB-wire-protocol server on loopback, persisting to one H2 MVStore file, for machines
 * without MongoDB. The application talks to it with the real driver, exactly as to a real server.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String STORE_FILE = "palimpsest.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /**
     * Opens (or creates) the store in {@code dataDir} and listens on {@code port} (0 picks a free one).
     *
     * @throws IllegalStateException when another process holds the store open
     */
    public static EmbeddedMongoServer start(Path dataDir, int port) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(STORE_FILE);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir.toAbsolutePath(), e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the embedded MongoDB store " + file
                    + ": is another Palimpsest process using it? Stop that process or set palimpsest.data-dir"
                    + " to another directory (" + e.getMessage() + ")", e);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB mode: EMBEDDED (mongo-java-server, H2 file {}) listening on {}:{}",
                file, address.getHostString(), address.getPort());
        return new EmbeddedMongoServer(server, address, file);
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        log.info("stopping embedded MongoDB, store {}", file);
        server.shutdown();
    }
}
