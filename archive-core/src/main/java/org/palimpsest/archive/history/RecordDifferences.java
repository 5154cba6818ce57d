package org.palimpsest.archive.history;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Field-by-field comparison of projected records, the live one against the replayed one, as lines of a
 * {@link ConsistencyReport}: every comparison reports its differences the same way.
 */
final class RecordDifferences {

    private static final int SHOWN = 200;

    private RecordDifferences() {
    }

    /**
     * Compares two sets of records by key: a key on one side only is one difference ({@code present} against
     * nothing), a key on both every component that differs.
     *
     * @param documentId the document a record belongs to
     * @param label      how a record is named within its document in the {@code field} of a difference
     * @return how many records were compared: the keys on either side
     */
    static <R extends Record> int byKey(String projection, Map<String, R> live, Map<String, R> replayed,
                                         Function<R, String> documentId, Function<R, String> label,
                                         List<ConsistencyReport.Difference> into) {
        TreeSet<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(replayed.keySet());
        for (String key : keys) {
            R either = Objects.requireNonNull(live.containsKey(key) ? live.get(key) : replayed.get(key));
            between(projection, documentId.apply(either), label.apply(either), live.get(key), replayed.get(key), into);
        }
        return keys.size();
    }

    /**
     * Compares one record: absent on one side only is one difference named {@code (label)}, else one difference
     * per differing component, named {@code label: component} (just the component when the label is empty).
     */
    static void between(String projection, String documentId, String label, @Nullable Record live,
                        @Nullable Record replayed, List<ConsistencyReport.Difference> into) {
        if (live == null || replayed == null) {
            if (live != replayed) {
                into.add(new ConsistencyReport.Difference(projection, documentId,
                        "(" + (label.isEmpty() ? "document" : label) + ")",
                        live == null ? null : "present", replayed == null ? null : "present"));
            }
            return;
        }
        for (RecordComponent component : live.getClass().getRecordComponents()) {
            Object a = value(component, live);
            Object b = value(component, replayed);
            if (!Objects.equals(a, b)) {
                into.add(new ConsistencyReport.Difference(projection, documentId,
                        label.isEmpty() ? component.getName() : label + ": " + component.getName(), shown(a), shown(b)));
            }
        }
    }

    private static @Nullable Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
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
