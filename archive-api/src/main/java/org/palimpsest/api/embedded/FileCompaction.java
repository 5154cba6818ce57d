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
    private static final int LIVE_PERCENT_WORTH_IT = 80;
    /** ...and the dead part is at least this large (a fresh store is mostly headers). */
    private static final long DEAD_BYTES_WORTH_IT = 256 * 1024;
    /** The rewrite stops once this share of the chunks' bytes is live: H2 cannot pack chunks much tighter. */
    private static final int REWRITTEN_LIVE_PERCENT = 95;
    /** Space between chunks the move leaves alone: a few blocks, which a step would spend as much to gain. */
    private static final long TIGHT_BYTES = 64 * 1024;
    /** What one rewriting or moving step writes at most, so that writers wait for a step, not for the whole file. */
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
     * (each stops after the step under way) and each stops as soon as a step gains nothing: moving only copies chunks,
     * and it is what makes the file shorter.
     */
    void run(Duration budget) {
        rewriteSparseChunks(System.nanoTime() + budget.toNanos());
        moveChunksDown(System.nanoTime() + budget.toNanos());
    }

    /**
     * Rewrites the live pages of the emptiest and oldest chunks into new ones, a step at a time, until the chunks are
     * {@value #REWRITTEN_LIVE_PERCENT}% live. The chunks a step empties are freed only once the store is past the
     * versions it keeps, so each step is followed by that; H2 would go on rewriting full chunks as long as it is
     * asked to, so a step that does not raise the live share ends the phase.
     */
    private void rewriteSparseChunks(long stopAt) {
        int live = file.footprint().chunkLivePercent();
        boolean passed = false;
        while (live < REWRITTEN_LIVE_PERCENT && store.compact(REWRITTEN_LIVE_PERCENT, STEP_BYTES)) {
            commit();
            passKeptVersions();
            passed = true;
            int after = file.footprint().chunkLivePercent();
            if (after <= live || System.nanoTime() - stopAt > 0) {
                break;
            }
            live = after;
        }
        if (!passed) {
            // A drop frees whole chunks without any rewrite; they too wait for the kept versions.
            passKeptVersions();
        }
    }

    /**
     * Moves the chunks after the first hole into the holes and truncates the file after the last chunk. They are moved
     * all at once: H2 picks the chunks of a smaller move by their own priority (small chunks between large holes), so
     * a move of 1 MB at a time could leave a large chunk, and the file's length, where they are. A move writes what
     * lies after the first hole at most twice; it is repeated only while it gains.
     */
    private void moveChunksDown(long stopAt) {
        MeasuredFileStore.Footprint footprint = file.footprint();
        while (footprint.holeBytes() > TIGHT_BYTES) {
            file.compactMoveChunks(100, footprint.fileBytes(), store);
            MeasuredFileStore.Footprint after = file.footprint();
            if (after.holeBytes() >= footprint.holeBytes() || System.nanoTime() - stopAt > 0) {
                return;
            }
            footprint = after;
        }
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
