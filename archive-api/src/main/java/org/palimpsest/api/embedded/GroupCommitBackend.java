package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a write only after it is committed to the store file, and commits only between whole operations.
 *
 * <p>mongo-java-server on its own acknowledges writes from memory and lets the MVStore commit in the
 * background about once a second, or from inside a write when unsaved memory runs high. Both lose
 * acknowledged writes on a crash, and both can capture a cut that is not a prefix of the operations: the
 * MVStore takes each map's root in turn while writers go on, so a commit can hold a later write (a
 * projection's token) without an earlier one (the view it covers), or one half of an insert (its unique
 * index entry without the document). Here writes share a lock that a commit takes exclusively, so a commit
 * sees only whole operations; a writer waits until a commit that began after it finished is on disk.
 * Writers that finish while a commit is running are all covered by the next one (group commit).
 *
 * <p>Reads take no lock, so a commit may free chunks while a read walks an older version of a map. Each read
 * registers the version it started on, and the store frees no chunk that version still uses; that is what lets the
 * store reuse dead space at once instead of after H2's default retention of 45 s ({@link EmbeddedMongoServer}).
 * Dropping a collection or a database compacts the file before the answer when enough of it is dead
 * ({@link FileCompaction}), so a rebuild gives back the generation it replaced.
 */
final class GroupCommitBackend extends ForwardingMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitBackend.class);
    /**
     * A drop frees a whole collection at once (a rebuild drops the generation it replaced): the answer waits until
     * the file is short again, for at most about this long per phase of the compaction.
     */
    private static final Duration AFTER_DROP = Duration.ofSeconds(2);

    private final MVStore store;
    private final boolean forceToDisk;
    private final FileCompaction compaction;
    /** Shared by operations that write, exclusive for a commit. */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final AtomicLong finishedWrites = new AtomicLong();
    private final Object commitTurn = new Object();
    private long durableThrough;
    private final CommitStatistics statistics = new CommitStatistics();

    GroupCommitBackend(MongoBackend delegate, MVStore store, boolean forceToDisk, FileCompaction compaction) {
        super(delegate);
        this.store = store;
        this.forceToDisk = forceToDisk;
        this.compaction = compaction;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        return handle(StoreCommands.name(body), body, () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return handle(command, query, () -> delegate.handleCommand(channel, database, command, query));
    }

    private Document handle(String command, Document body, Supplier<Document> operation) {
        if (StoreCommands.onlyReads(command, body)) {
            return read(operation);
        }
        Document answer = write(body, operation);
        if (StoreCommands.drops(command)) {
            compactIfWorthIt(AFTER_DROP);
        }
        return answer;
    }

    /** Keeps every chunk the read may visit until it is done, however many commits free them meanwhile. */
    private <T> T read(Supplier<T> operation) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return operation.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /**
     * A write asking for {@code j: false} is answered without waiting for its commit, as MongoDB answers it before
     * its journal. It still runs whole between commits, so it is in the file before any write that finished after
     * it: projections write their views so and their tracking token durably, and a crash can only make them redo.
     */
    private Document write(Document body, Supplier<Document> operation) {
        if (body.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"))) {
            return whole(operation);
        }
        return durably(operation);
    }

    private <T> T whole(Supplier<T> operation) {
        writes.readLock().lock();
        try {
            return operation.get();
        } finally {
            finishedWrites.incrementAndGet();
            writes.readLock().unlock();
        }
    }

    @Override
    public void dropDatabase(String database) {
        durably(() -> {
            delegate.dropDatabase(database);
            return null;
        });
        compactIfWorthIt(AFTER_DROP);
    }

    /**
     * Compacts the file when enough of it is dead; writers wait meanwhile, readers do not. A failure leaves the
     * data as it was (every step commits whole), only the file larger, so it is logged, not thrown.
     */
    void compactIfWorthIt(Duration budget) {
        try {
            if (compaction.worthIt()) {
                maintain(() -> compaction.run(budget));
            }
        } catch (RuntimeException e) {
            log.warn("embedded store compaction failed (the data is intact; the file may stay larger): {}", e.toString());
        }
    }

    /**
     * Runs {@code maintenance} (compaction) with no write in flight and commits what it changed, so that
     * rewritten chunks follow the same ordering rule as writes.
     */
    private void maintain(Runnable maintenance) {
        synchronized (commitTurn) {
            writes.writeLock().lock();
            try {
                maintenance.run();
                store.commit();
            } finally {
                writes.writeLock().unlock();
            }
            if (forceToDisk) {
                store.sync();
            }
        }
    }

    CommitStatistics statistics() {
        return statistics;
    }

    private <T> T durably(Supplier<T> operation) {
        long ticket;
        T result;
        writes.readLock().lock();
        try {
            result = operation.get();
        } finally {
            // Counted even when the operation failed: an ordered insert that hit a duplicate key has still
            // written the documents before it, and those must not be acknowledged-then-lost either.
            ticket = finishedWrites.incrementAndGet();
            writes.readLock().unlock();
            awaitDurable(ticket);
        }
        return result;
    }

    private void awaitDurable(long ticket) {
        synchronized (commitTurn) {
            if (durableThrough >= ticket) {
                statistics.coveredByOthers();
                return;
            }
            long started = System.nanoTime();
            long through;
            writes.writeLock().lock();
            try {
                through = finishedWrites.get();
                store.commit();
            } finally {
                writes.writeLock().unlock();
            }
            if (forceToDisk) {
                store.sync();
            }
            durableThrough = through;
            statistics.committed(System.nanoTime() - started);
        }
    }
}
