package org.palimpsest.api.embedded;

import java.util.HashMap;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, plus a look at its chunks: how many bytes they occupy and how many of those are live.
 * H2's own fill rates leave out that every chunk takes whole 4 KB blocks, which is most of the file when a store is
 * written in many small commits; {@link FileCompaction} decides on what the file really holds.
 */
final class MeasuredFileStore extends SingleFileStore {

    /** H2's block, the unit a chunk occupies (package-private there). */
    private static final int BLOCK_BYTES = 4096;

    /**
     * @param fileBytes     the file's length
     * @param chunkBytes    what the chunks occupy, in whole blocks
     * @param liveBytes     the part of the chunks still in use (an estimate: H2 records each page by its size class)
     * @param chunks        how many chunks the file holds
     */
    record Footprint(long fileBytes, long chunkBytes, long liveBytes, int chunks) {

        /** The bytes of the file that hold nothing in use. */
        long deadBytes() {
            return Math.max(0, fileBytes - liveBytes);
        }

        /** The bytes of the file outside any chunk (its two header blocks among them): what moving chunks can give back. */
        long holeBytes() {
            return Math.max(0, fileBytes - chunkBytes);
        }

        /** The share of the chunks' bytes still in use, in percent; 100 when there are none. */
        int chunkLivePercent() {
            return chunkBytes == 0 ? 100 : (int) (liveBytes * 100 / chunkBytes);
        }
    }

    MeasuredFileStore() {
        super(new HashMap<>());
    }

    Footprint footprint() {
        long chunkBytes = 0;
        long liveBytes = 0;
        int chunks = 0;
        for (Chunk<?> chunk : getChunks().values()) {
            chunkBytes += (long) chunk.len * BLOCK_BYTES;
            // H2 counts pages by size class, live and all alike: their ratio applied to the blocks is the estimate.
            liveBytes += chunk.maxLen == 0 ? 0 : (long) chunk.len * BLOCK_BYTES * chunk.maxLenLive / chunk.maxLen;
            chunks++;
        }
        return new Footprint(size(), chunkBytes, liveBytes, chunks);
    }
}
