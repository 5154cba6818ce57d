package org.palimpsest.api.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

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
 */
final class GroupCommitBackend extends ForwardingMongoBackend {

    private final MVStore store;
    private final boolean forceToDisk;
    /** Shared by operations that write, exclusive for a commit. */
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final AtomicLong finishedWrites = new AtomicLong();
    private final Object commitTurn = new Object();
    private long durableThrough;
    private final CommitStatistics statistics = new CommitStatistics();

    GroupCommitBackend(MongoBackend delegate, MVStore store, boolean forceToDisk) {
        super(delegate);
        this.store = store;
        this.forceToDisk = forceToDisk;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = StoreCommands.name(body);
        if (StoreCommands.onlyReads(command, body)) {
            return delegate.handleMessage(message);
        }
        return write(body, () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (StoreCommands.onlyReads(command, query)) {
            return delegate.handleCommand(channel, database, command, query);
        }
        return write(query, () -> delegate.handleCommand(channel, database, command, query));
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
    }

    /**
     * Runs {@code maintenance} (compaction) with no write in flight and commits what it changed, so that
     * rewritten chunks follow the same ordering rule as writes.
     */
    void maintain(Runnable maintenance) {
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
