package org.palimpsest.archive.history;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
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

    private final ScratchReplay scratch;
    private final ReadingViewProjection live;

    public ReadingViewConsistency(ScratchReplay scratch, ReadingViewProjection live) {
        this.scratch = scratch;
        this.live = live;
    }

    public ConsistencyReport check(ReplayBound bound) {
        return scratch.check(bound, ReadingViewProjection::new, (replayed, position) -> {
            TreeSet<String> ids = new TreeSet<>(replayed.currentIds());
            ids.addAll(live.currentIds());
            List<ConsistencyReport.Difference> differences = new ArrayList<>();
            for (String id : ids) {
                Optional<ReadingView> fromReplay = replayed.handle(new FindReadingView(id));
                Optional<ReadingView> fromVersions = live.handle(new FindReadingViewAsOf(id, bound.position(), bound.time()));
                compare(id, fromVersions.orElse(null), fromReplay.orElse(null), differences);
            }
            return new ConsistencyReport(differences.isEmpty(), position, ids.size(), differences);
        });
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
