package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB-wire-protocol server on loopback, persisting to one H2 MVStore file, for machines
 * without MongoDB. The application talks to it with the real driver, exactly as to a real server. A write
 * is answered only once it is committed to the file ({@link GroupCommitBackend}), and only connections that
 * carry this process's secret are served ({@link ClientGate}); ADR 4 says what that guarantees.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String STORE_FILE = "palimpsest.mv.db";
    /** Where this process leaves its connection string (with the secret) for an operator's {@code mongosh}. */
    public static final String URI_FILE = "embedded-mongo-uri";
    /** How often the file is checked for dead space; a check that finds little costs nothing. */
    private static final long MAINTENANCE_SECONDS = 5;
    /** How long a periodic compaction may hold writers, per phase (it finishes the step under way). */
    private static final Duration PERIODIC_COMPACTION = Duration.ofMillis(250);

    private final MongoServer server;
    private final GroupCommitBackend backend;
    private final ScheduledExecutorService maintenance;
    private final InetSocketAddress address;
    private final Path file;
    private final Path uriFile;
    private final String secret;

    private EmbeddedMongoServer(MongoServer server, GroupCommitBackend backend, ScheduledExecutorService maintenance,
                                InetSocketAddress address, Path file, Path uriFile, String secret) {
        this.server = server;
        this.backend = backend;
        this.maintenance = maintenance;
        this.address = address;
        this.file = file;
        this.uriFile = uriFile;
        this.secret = secret;
    }

    /**
     * Opens (or creates) the store in {@code dataDir} and listens on {@code port} of 127.0.0.1 (0 picks a
     * free one).
     *
     * @param forceToDisk fsync each group commit (survives power loss); without it a commit survives a crash
     *                    of this process but not of the machine
     * @throws IllegalStateException when another process holds the store open
     */
    public static EmbeddedMongoServer start(Path dataDir, int port, boolean forceToDisk) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(STORE_FILE);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
        MVStore store;
        MeasuredFileStore fileStore = new MeasuredFileStore();
        try {
            fileStore.open(file.toString(), false, null);
            // No background commits and no commits from inside a write: GroupCommitBackend alone decides
            // when the file changes, always between whole operations. Pages are compressed (LZF, cheap enough for
            // every commit): documents and indexes are repetitive and shrink several times.
            store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().autoCommitBufferSize(0)
                    .compress().open();
        } catch (RuntimeException e) {
            try {
                fileStore.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("cannot open the embedded MongoDB store " + file
                    + ": is another Palimpsest process using it? Stop that process or set palimpsest.data-dir"
                    + " to another directory (" + e.getMessage() + ")", e);
        }
        if (forceToDisk) {
            // Every commit is on disk before the next one starts, so a dead chunk may be overwritten at once: the
            // chunks that replaced it are already durable. H2's default of 45 s assumes nothing forces the file.
            store.setRetentionTime(0);
        }
        GroupCommitBackend durable = new GroupCommitBackend(new CompactH2Backend(store), store, forceToDisk,
                new FileCompaction(store, fileStore));
        String secret = newSecret();
        MongoServer server = new MongoServer(new ClientGate(durable, secret));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        maintenance.scheduleWithFixedDelay(() -> durable.compactIfWorthIt(PERIODIC_COMPACTION), MAINTENANCE_SECONDS,
                MAINTENANCE_SECONDS, TimeUnit.SECONDS);
        Path uriFile = dir.resolve(URI_FILE);
        EmbeddedMongoServer embedded = new EmbeddedMongoServer(server, durable, maintenance, address, file, uriFile, secret);
        embedded.writeUriFile();
        log.info("MongoDB mode: EMBEDDED (mongo-java-server, H2 file {}) listening on {}:{}; writes answered once"
                        + " committed{}; only this process may connect (URI with its secret in {})",
                file, address.getHostString(), address.getPort(), forceToDisk ? " and forced to disk" : " (no fsync)",
                uriFile);
        return embedded;
    }

    /** The driver's connection string, carrying the secret as {@code appName}. */
    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database + "?appName=" + secret;
    }

    public Path file() {
        return file;
    }

    /** Commits made so far, for the benchmark and the log. */
    public String commitSummary() {
        CommitStatistics.Snapshot s = backend.statistics().snapshot();
        return String.format("%d group commits (mean %.2f ms), %d writes covered by another's commit",
                s.commits(), s.meanCommitMillis(), s.grouped());
    }

    @Override
    public void close() {
        log.info("stopping embedded MongoDB, store {} ({})", file, commitSummary());
        // A compaction under way finishes before the store closes; a later one does not start.
        maintenance.shutdown();
        try {
            if (!maintenance.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("embedded store compaction still running after 60 s; closing the store anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdown();
        try {
            Files.deleteIfExists(uriFile);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", uriFile, e.getMessage());
        }
    }

    private void writeUriFile() {
        try {
            Path temp = Files.createTempFile(uriFile.getParent(), ".uri", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, connectionString("palimpsest") + System.lineSeparator());
            Files.move(temp, uriFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("could not write {} ({}); the embedded store still serves this process", uriFile, e.toString());
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
