package org.palimpsest.archive.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;

/**
 * Checks that the reading views an as-of read returns are what a replay of the events produces: replays into
 * a scratch database (dropped afterwards), then compares every document field by field.
 */
public final class ReadingViewConsistency {

    private static final int SHOWN = 200;

    private final ReplayEngine replay;
    private final ReadingViewProjection live;
    private final MongoClient client;
    private final String databaseName;

    public ReadingViewConsistency(ReplayEngine replay, ReadingViewProjection live, MongoClient client, String databaseName) {
        this.replay = replay;
        this.live = live;
        this.client = client;
        this.databaseName = databaseName;
    }

    public ConsistencyReport check(ReplayBound bound) {
        MongoDatabase scratch = client.getDatabase(databaseName + "_replay_" + UUID.randomUUID().toString().substring(0, 8));
        try {
            ReadingViewProjection replayed = new ReadingViewProjection(scratch);
            long position = replay.replay(bound, replayed);
            TreeSet<String> ids = new TreeSet<>();
            scratch.getCollection(ReadingViewProjection.VIEWS).find().forEach(d -> ids.add(d.getString("_id")));
            live.currentIds().forEach(ids::add);
            List<ConsistencyReport.Difference> differences = new ArrayList<>();
            for (String id : ids) {
                Optional<ReadingView> fromReplay = replayed.handle(new FindReadingView(id));
                Optional<ReadingView> fromVersions = live.handle(new FindReadingViewAsOf(id, bound.position(), bound.time()));
                compare(id, fromVersions.orElse(null), fromReplay.orElse(null), differences);
            }
            return new ConsistencyReport(differences.isEmpty(), position, ids.size(), differences);
        } finally {
            scratch.drop();
        }
    }

    private static void compare(String id, @Nullable ReadingView live, @Nullable ReadingView replayed,
                                List<ConsistencyReport.Difference> into) {
        if (live == null || replayed == null) {
            if (live != replayed) {
                into.add(new ConsistencyReport.Difference(id, "(document)", live == null ? null : "present",
                        replayed == null ? null : "present"));
            }
            return;
        }
        for (RecordComponent component : ReadingView.class.getRecordComponents()) {
            Object a = value(component, live);
            Object b = value(component, replayed);
            if (!Objects.equals(a, b)) {
                into.add(new ConsistencyReport.Difference(id, component.getName(), shown(a), shown(b)));
            }
        }
    }

    private static @Nullable Object value(RecordComponent component, ReadingView view) {
        try {
            return component.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String shown(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
