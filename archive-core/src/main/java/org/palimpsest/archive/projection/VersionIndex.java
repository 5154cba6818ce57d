package org.palimpsest.archive.projection;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * For each subject (a document, an annotation), the stream positions and times at which its versions became
 * current, kept two levels deep: a directory with the first position of every block, and blocks of
 * {@value #BLOCK} versions. The first block is kept in the directory itself, so a subject with fewer versions than
 * that (almost every one) costs one record. Finding the version current at a position or time is at most two key
 * lookups and two binary searches in memory, whatever the length of the history, and needs no range query (the
 * embedded server would scan for one).
 */
public final class VersionIndex {

    static final int BLOCK = 256;

    /**
     * The first position and time of each block, how many versions there are, the position of the newest (absent in
     * directories written before it was kept), and the positions and times of the first block ({@code positions},
     * {@code times}; absent in directories written before it was kept here, whose first block is a {@link Block}).
     * The directory is written last: it is what makes a version count.
     */
    public record Directory(@BsonId String subject, long count, List<Long> firstPositions, List<Instant> firstTimes,
                            @Nullable Long lastPosition, @Nullable List<Long> positions, @Nullable List<Instant> times) {

        boolean holdsFirstBlock() {
            return positions != null && times != null;
        }
    }

    /** Positions and times of versions {@code n * BLOCK} to {@code n * BLOCK + BLOCK - 1}. */
    public record Block(@BsonId String key, List<Long> positions, List<Instant> times) {
    }

    /** When one version became current. */
    public record Stamp(long version, long position, Instant time) {
    }

    private final KeyedCollection<Block> blocks;
    private final KeyedCollection<Directory> directories;

    /** An index over {@code name_directory} and {@code name_blocks} of {@code database}, written at once. */
    public VersionIndex(MongoDatabase database, String name) {
        this(new StoreCollections(database, Generation.FIRST), name);
    }

    /** Blocks are opened before the directory, so a batch writes them first: the directory makes a version count. */
    VersionIndex(StoreCollections collections, String name) {
        this.blocks = collections.keyed(name, "_blocks", Block.class);
        this.directories = collections.keyed(name, "_directory", Directory.class);
    }

    /**
     * Records a new version of {@code subject}, current from {@code position}; returns its number (from 0).
     * Appending a position the index already holds returns the version recorded for it, so an event redelivered
     * after a crash does not make a second version: positions of one subject only grow, and a batch flushed in part
     * may have recorded several of the events that come again.
     */
    public long append(String subject, long position, Instant time) {
        Directory directory = directories.find(subject).orElse(null);
        // Position -1 means no tracking token (events fed by hand): nothing is redelivered then.
        if (position >= 0 && directory != null && directory.lastPosition() != null && position <= directory.lastPosition()) {
            return versionAt(subject, position).orElseThrow();
        }
        long version = directory == null ? 0 : directory.count();
        List<Long> firstPositions = directory == null ? new ArrayList<>() : new ArrayList<>(directory.firstPositions());
        List<Instant> firstTimes = directory == null ? new ArrayList<>() : new ArrayList<>(directory.firstTimes());
        if (version % BLOCK == 0) {
            firstPositions.add(position);
            firstTimes.add(time);
        }
        Block block = block(subject, directory, (int) (version / BLOCK)).orElse(new Block(blockKey(subject, version / BLOCK),
                List.of(), List.of()));
        // Only the entries the directory counts: a crash between a block write and its directory write may have
        // left one more, which the redelivered event now writes again.
        List<Long> positions = new ArrayList<>(counted(block.positions(), directory, (int) (version / BLOCK)));
        List<Instant> times = new ArrayList<>(counted(block.times(), directory, (int) (version / BLOCK)));
        positions.add(position);
        times.add(time);
        boolean firstInDirectory = directory == null || directory.holdsFirstBlock();
        if (version < BLOCK && firstInDirectory) {
            directories.put(subject, new Directory(subject, version + 1, firstPositions, firstTimes, position, positions,
                    times));
            return version;
        }
        blocks.put(block.key(), new Block(block.key(), positions, times));
        directories.put(subject, new Directory(subject, version + 1, firstPositions, firstTimes, position,
                firstInDirectory ? directory.positions() : null, firstInDirectory ? directory.times() : null));
        return version;
    }

    /** Block {@code number} of {@code subject}: the first from the directory when it holds it, the others stored. */
    private Optional<Block> block(String subject, @Nullable Directory directory, int number) {
        if (number == 0 && directory != null && directory.holdsFirstBlock()) {
            return Optional.of(new Block(blockKey(subject, 0), directory.positions(), directory.times()));
        }
        return directory == null ? Optional.empty() : blocks.find(blockKey(subject, number));
    }

    /** The version of {@code subject} current at stream position {@code position}, if it existed then. */
    public OptionalLong versionAt(String subject, long position) {
        Directory directory = directories.find(subject).orElse(null);
        if (directory == null) {
            return OptionalLong.empty();
        }
        int block = lastAtOrBefore(directory.firstPositions(), position);
        if (block < 0) {
            return OptionalLong.empty();
        }
        Block found = block(subject, directory, block).orElseThrow();
        int inBlock = lastAtOrBefore(counted(found.positions(), directory, block), position);
        return OptionalLong.of((long) block * BLOCK + inBlock);
    }

    /** The version of {@code subject} current at {@code time}, if it existed then. */
    public OptionalLong versionAt(String subject, Instant time) {
        Directory directory = directories.find(subject).orElse(null);
        if (directory == null) {
            return OptionalLong.empty();
        }
        int block = lastAtOrBefore(directory.firstTimes(), time);
        if (block < 0) {
            return OptionalLong.empty();
        }
        Block found = block(subject, directory, block).orElseThrow();
        int inBlock = lastAtOrBefore(counted(found.times(), directory, block), time);
        return OptionalLong.of((long) block * BLOCK + inBlock);
    }

    /** Every version of {@code subject}, oldest first: for Memento TimeMaps and history listings. */
    public List<Stamp> stamps(String subject) {
        Directory directory = directories.find(subject).orElse(null);
        if (directory == null) {
            return List.of();
        }
        List<Stamp> stamps = new ArrayList<>();
        for (int b = 0; b < directory.firstPositions().size(); b++) {
            Block block = block(subject, directory, b).orElseThrow();
            for (int i = 0; i < counted(block.positions(), directory, b).size(); i++) {
                stamps.add(new Stamp((long) b * BLOCK + i, block.positions().get(i), block.times().get(i)));
            }
        }
        return stamps;
    }

    public void reset() {
        directories.clear();
        blocks.clear();
    }

    /** The entries of block {@code block} that the directory counts (a crash may have left one more). */
    private static <T> List<T> counted(List<T> entries, @Nullable Directory directory, int block) {
        long inBlock = directory == null ? 0 : Math.min(BLOCK, directory.count() - (long) block * BLOCK);
        return entries.size() > inBlock ? entries.subList(0, (int) inBlock) : entries;
    }

    /** Index of the last element not after {@code key} in an ascending list, or -1. */
    private static <T extends Comparable<? super T>> int lastAtOrBefore(List<T> sorted, T key) {
        int found = Collections.binarySearch(sorted, key);
        if (found >= 0) {
            while (found + 1 < sorted.size() && sorted.get(found + 1).compareTo(key) == 0) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    private static String blockKey(String subject, long block) {
        return subject + "#" + block;
    }
}
