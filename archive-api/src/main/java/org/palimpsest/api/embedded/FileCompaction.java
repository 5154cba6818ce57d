package org.palimpsest.api.embedded;

import java.time.Duration;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Gives the store file's dead space back: rewrites what is still live out of sparse chunks into few full ones, then
 * moves the chunks at the end of the file into the holes and cuts the file after the last one.
 *
 * <p>The MVStore never overwrites data in place. Every commit writes the pages it changed to a new chunk of whole 4 KB
 * blocks, and a chunk is freed only once none of its pages is live any more: one live page keeps a whole chunk.
 * Freed space is reused for new chunks, but the file only shrinks when its end is free. So a store written in many
 * small commits, or one that drops a projection generation, holds mostly dead bytes unless something rewrites the
 * sparse chunks and moves the last ones down. With H2's background thread off (ADR 4) nothing does; {@link
 * GroupCommitBackend} runs this with no write in flight.
 */
final class FileCompaction {

    /** Compaction pays once less than this share of the file is live... */
    private static final int LIVE_PERCENT_WORTH_IT = 75;
    /** ...and the dead part is at least this large (a fresh store is mostly headers). */
    private static final long DEAD_BYTES_WORTH_IT = 256 * 1024;
    /** What one rewriting step writes at most, so that writers wait for a step, not for the whole file. */
    private static final int STEP_BYTES = 1024 * 1024;
    /**
     * A chunk freed at version v may be overwritten only once the store is this many versions further: H2 keeps
     * them for readers that did not register the version they read (its default, which H2 is tested with).
     * Commits of a marker after a rewrite get there without waiting for writes.
     */
    private static final int VERSIONS_KEPT = 5;
    /** '$' cannot occur in a MongoDB database name, so no database of the server's owns this map. */
    private static final String MARKER_MAP = "$palimpsest.compaction";

    private final MVStore store;
    private final MeasuredFileStore file;

    FileCompaction(MVStore store, MeasuredFileStore file) {
        this.store = store;
        this.file = file;
        store.setVersionsToKeep(VERSIONS_KEPT);
    }

    boolean worthIt() {
        MeasuredFileStore.Footprint footprint = file.footprint();
        return footprint.deadBytes() >= DEAD_BYTES_WORTH_IT
                && footprint.liveBytes() * 100 < footprint.fileBytes() * LIVE_PERCENT_WORTH_IT;
    }

    /**
     * Must run with no write in flight; commits what it rewrote. The rewrite and the move each get {@code budget}
     * (each stops after the step under way): moving only copies chunks, and it is what makes the file shorter.
     */
    void run(Duration budget) {
        long stopAt = System.nanoTime() + budget.toNanos();
        // The rewrite only touches chunks that hold some dead pages; H2 picks the emptiest and oldest first.
        while (store.compact(99, STEP_BYTES)) {
            commit();
            if (System.nanoTime() - stopAt > 0) {
                break;
            }
        }
        passKeptVersions();
        // Moves chunks from the end of the file into the space freed above and truncates the file after the last.
        stopAt = System.nanoTime() + budget.toNanos();
        do {
            long before = file.size();
            file.compactMoveChunks(100, STEP_BYTES, store);
            if (file.size() >= before) {
                return;
            }
        } while (System.nanoTime() - stopAt < 0);
    }

    /**
     * Each commit is forced to disk before the next one may overwrite a chunk it made dead (the retention time is 0
     * when commits are forced; ADR 12), as group commits are.
     */
    private void commit() {
        store.commit();
        store.sync();
    }

    /**
     * Commits a marker {@value #VERSIONS_KEPT} + 2 times: a chunk that died at version v is freed by a commit that
     * starts once the store is past v + {@value #VERSIONS_KEPT}.
     */
    private void passKeptVersions() {
        MVMap<String, Long> marker = store.openMap(MARKER_MAP);
        for (int i = 0; i < VERSIONS_KEPT + 2; i++) {
            marker.put("version", store.getCurrentVersion());
            commit();
        }
    }
}
