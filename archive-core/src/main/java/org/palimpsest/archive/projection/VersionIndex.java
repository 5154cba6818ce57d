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

/**
 * For each subject (a document, an annotation), the stream positions and times at which its versions became
 * current, kept two levels deep: a directory with the first position of every block, and blocks of
 * {@value #BLOCK} versions. Finding the version current at a position or time is two key lookups and two
 * binary searches in memory, whatever the length of the history, and needs no range query (the embedded
 * server would scan for one).
 */
public final class VersionIndex {

    static final int BLOCK = 256;

    /** The first position and time of each block, and how many versions there are. */
    public record Directory(@BsonId String subject, long count, List<Long> firstPositions, List<Instant> firstTimes) {
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

    /** Records a new version of {@code subject}, current from {@code position}; returns its number (from 0). */
    public long append(String subject, long position, Instant time) {
        Directory directory = directories.find(Filters.eq("_id", subject)).first();
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
            blocks.updateOne(Filters.eq("_id", blockKey),
                    Updates.combine(Updates.push("positions", position), Updates.push("times", time)));
        }
        directories.replaceOne(Filters.eq("_id", subject), new Directory(subject, version + 1, firstPositions, firstTimes),
                new ReplaceOptions().upsert(true));
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
        int inBlock = lastAtOrBefore(found.positions(), position);
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
        int inBlock = lastAtOrBefore(found.times(), time);
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
            for (int i = 0; i < block.positions().size(); i++) {
                stamps.add(new Stamp((long) b * BLOCK + i, block.positions().get(i), block.times().get(i)));
            }
        }
        return stamps;
    }

    public void reset() {
        directories.deleteMany(Filters.empty());
        blocks.deleteMany(Filters.empty());
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
