package org.palimpsest.archive.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * For each subject (a document, an annotation), the stream positions and times at which its versions became
 * current, kept two levels deep: a directory with the first position of every block, and blocks of
 * {@value #BLOCK} versions. Finding the version current at a position or time is two key lookups and two
 * binary searches in memory, whatever the length of the history, and needs no range query (the embedded
 * server would scan for one).
 */
public final class VersionIndex {

    static final int BLOCK = 256;

    /**
     * The first position and time of each block, how many versions there are, and the position of the newest
     * (absent in directories written before it was kept). The directory is written last: it is what makes a
     * version count.
     */
    public record Directory(@BsonId String subject, long count, List<Long> firstPositions, List<Instant> firstTimes,
                            @Nullable Long lastPosition) {
    }

    /** Positions and times of versions {@code n * BLOCK} to {@code n * BLOCK + BLOCK - 1}. */
    public record Block(@BsonId String key, List<Long> positions, List<Instant> times) {
    }

    /** When one version became current. */
    public record Stamp(long version, long position, Instant time) {
    }

    private final MongoCollection<Directory> directories;
    private final MongoCollection<Block> blocks;

    public VersionIndex(MongoDatabase database, String name) {
        this.directories = database.getCollection(name + "_directory", Directory.class);
        this.blocks = database.getCollection(name + "_blocks", Block.class);
    }

    /**
     * Records a new version of {@code subject}, current from {@code position}; returns its number (from 0).
     * Appending the same position again returns the version already recorded for it, so an event redelivered
     * after a crash does not make a second version.
     */
    public long append(String subject, long position, Instant time) {
        Directory directory = directories.find(Filters.eq("_id", subject)).first();
        // Position -1 means no tracking token (events fed by hand): nothing is redelivered then.
        if (position >= 0 && directory != null && directory.lastPosition() != null && directory.lastPosition() == position) {
            return directory.count() - 1;
        }
        long version = directory == null ? 0 : directory.count();
        List<Long> firstPositions = directory == null ? new ArrayList<>() : new ArrayList<>(directory.firstPositions());
        List<Instant> firstTimes = directory == null ? new ArrayList<>() : new ArrayList<>(directory.firstTimes());
        String blockKey = blockKey(subject, version / BLOCK);
        if (version % BLOCK == 0) {
            blocks.replaceOne(Filters.eq("_id", blockKey), new Block(blockKey, List.of(position), List.of(time)),
                    new ReplaceOptions().upsert(true));
            firstPositions.add(position);
            firstTimes.add(time);
        } else {
            // Pushed only while the block holds exactly the versions the directory counts: after a crash between
            // this push and the directory write, the redelivered event finds its entry already there.
            blocks.updateOne(Filters.and(Filters.eq("_id", blockKey), Filters.size("positions", (int) (version % BLOCK))),
                    Updates.combine(Updates.push("positions", position), Updates.push("times", time)));
        }
        directories.replaceOne(Filters.eq("_id", subject),
                new Directory(subject, version + 1, firstPositions, firstTimes, position), new ReplaceOptions().upsert(true));
        return version;
    }

    /** The version of {@code subject} current at stream position {@code position}, if it existed then. */
    public OptionalLong versionAt(String subject, long position) {
        Directory directory = directories.find(Filters.eq("_id", subject)).first();
        if (directory == null) {
            return OptionalLong.empty();
        }
        int block = lastAtOrBefore(directory.firstPositions(), position);
        if (block < 0) {
            return OptionalLong.empty();
        }
        Block found = blocks.find(Filters.eq("_id", blockKey(subject, block))).first();
        int inBlock = lastAtOrBefore(counted(found.positions(), directory, block), position);
        return OptionalLong.of((long) block * BLOCK + inBlock);
    }

    /** The version of {@code subject} current at {@code time}, if it existed then. */
    public OptionalLong versionAt(String subject, Instant time) {
        Directory directory = directories.find(Filters.eq("_id", subject)).first();
        if (directory == null) {
            return OptionalLong.empty();
        }
        int block = lastAtOrBefore(directory.firstTimes(), time);
        if (block < 0) {
            return OptionalLong.empty();
        }
        Block found = blocks.find(Filters.eq("_id", blockKey(subject, block))).first();
        int inBlock = lastAtOrBefore(counted(found.times(), directory, block), time);
        return OptionalLong.of((long) block * BLOCK + inBlock);
    }

    /** Every version of {@code subject}, oldest first: for Memento TimeMaps and history listings. */
    public List<Stamp> stamps(String subject) {
        Directory directory = directories.find(Filters.eq("_id", subject)).first();
        if (directory == null) {
            return List.of();
        }
        List<Stamp> stamps = new ArrayList<>();
        for (int b = 0; b < directory.firstPositions().size(); b++) {
            Block block = blocks.find(Filters.eq("_id", blockKey(subject, b))).first();
            for (int i = 0; i < counted(block.positions(), directory, b).size(); i++) {
                stamps.add(new Stamp((long) b * BLOCK + i, block.positions().get(i), block.times().get(i)));
            }
        }
        return stamps;
    }

    public void reset() {
        directories.deleteMany(Filters.empty());
        blocks.deleteMany(Filters.empty());
    }

    /** The entries of block {@code block} that the directory counts (a crash may have left one more). */
    private static <T> List<T> counted(List<T> entries, Directory directory, int block) {
        long inBlock = Math.min(BLOCK, directory.count() - (long) block * BLOCK);
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
