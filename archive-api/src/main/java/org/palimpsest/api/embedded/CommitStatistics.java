package org.palimpsest.api.embedded;

import java.util.concurrent.atomic.LongAdder;

/** How many commits the embedded store made, how long they took, and how many writes rode on another's. */
final class CommitStatistics {

    private final LongAdder commits = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder grouped = new LongAdder();

    void committed(long nanos) {
        commits.increment();
        commitNanos.add(nanos);
    }

    void coveredByOthers() {
        grouped.increment();
    }

    Snapshot snapshot() {
        return new Snapshot(commits.sum(), commitNanos.sum(), grouped.sum());
    }

    /** A reading of the counters; {@code grouped} writes became durable through another writer's commit. */
    record Snapshot(long commits, long commitNanos, long grouped) {

        double meanCommitMillis() {
            return commits == 0 ? 0 : commitNanos / 1e6 / commits;
        }
    }
}
