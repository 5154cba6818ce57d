package org.palimpsest.archive.projection;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;

/**
 * The projection writes of one unit of work, held back and flushed as one bulk write per collection: a processor's
 * batch of events costs a write per collection, not one per record and event. Reads by key see these writes first,
 * so an event later in the batch sees what an earlier one produced.
 *
 * <p>The writes of the event being handled are kept apart until its handler returns: a handler that throws (an event
 * the dead-letter queue parks) leaves nothing behind, and the rest of the batch is flushed as if it had not come.
 * Without a unit of work (a test calling a handler directly) every write goes straight to its collection.
 */
public final class ProjectionWrites {

    private static final String RESOURCE = ProjectionWrites.class.getName();

    /** Per collection, per key, the last value written, or empty for a delete. */
    private final Map<KeyedCollection<?>, Map<String, Optional<Object>>> batch = new LinkedHashMap<>();
    private final Map<KeyedCollection<?>, Map<String, Optional<Object>>> event = new LinkedHashMap<>();
    private int eventDepth;

    private ProjectionWrites() {
    }

    /**
     * Runs one event's handler with its writes kept apart: added to the batch when it returns, dropped when it
     * throws. Outside a batch (a dead letter retried, a replay feeding one event per unit of work) they are flushed
     * at once, because nothing later would.
     */
    public static @Nullable Object handleEvent(Callable<?> handler) throws Exception {
        ProjectionWrites writes = current();
        if (writes == null) {
            return handler.call();
        }
        writes.eventDepth++;
        try {
            Object result = handler.call();
            if (writes.eventDepth == 1) {
                writes.keepEvent();
            }
            return result;
        } catch (Exception | Error e) {
            if (writes.eventDepth == 1) {
                writes.event.clear();
            }
            throw e;
        } finally {
            writes.eventDepth--;
            if (writes.eventDepth == 0 && !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)) {
                writes.flush();
            }
        }
    }

    /** Flushes what the current unit of work holds back, if anything (see {@link ProjectionBatchFlush}). */
    public static void flushCurrent() {
        ProjectionWrites writes = existing();
        if (writes != null) {
            writes.flush();
        }
    }

    /** The writes of the unit of work in progress, made on first use; null when there is none. */
    static @Nullable ProjectionWrites current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ProjectionWrites writes = new ProjectionWrites();
            // The last line: a unit of work whose processor has no ProjectionBatchFlush still writes everything.
            root.onPrepareCommit(u -> writes.flush());
            root.onRollback(u -> writes.discard());
            return writes;
        });
    }

    private static @Nullable ProjectionWrites existing() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
    }

    /** What this unit of work has written under {@code key}: empty if nothing, an empty value for a delete. */
    static <T> Optional<Optional<T>> pending(KeyedCollection<T> collection, String key) {
        ProjectionWrites writes = existing();
        if (writes == null) {
            return Optional.empty();
        }
        Optional<Optional<T>> found = writes.lookup(writes.event, collection, key);
        return found.isPresent() ? found : writes.lookup(writes.batch, collection, key);
    }

    /** Holds back a write; false when there is no unit of work and the caller must write at once. */
    static boolean hold(KeyedCollection<?> collection, String key, @Nullable Object value) {
        ProjectionWrites writes = current();
        if (writes == null) {
            return false;
        }
        Map<KeyedCollection<?>, Map<String, Optional<Object>>> target = writes.eventDepth > 0 ? writes.event : writes.batch;
        target.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, Optional.ofNullable(value));
        return true;
    }

    /** Forgets what is held back for {@code collection} (it is being emptied). */
    static void forget(KeyedCollection<?> collection) {
        ProjectionWrites writes = existing();
        if (writes != null) {
            writes.batch.remove(collection);
            writes.event.remove(collection);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<Optional<T>> lookup(Map<KeyedCollection<?>, Map<String, Optional<Object>>> writes,
                                             KeyedCollection<T> collection, String key) {
        Map<String, Optional<Object>> byKey = writes.get(collection);
        if (byKey == null || !byKey.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of((Optional<T>) byKey.get(key));
    }

    private void keepEvent() {
        event.forEach((collection, writes) -> batch.computeIfAbsent(collection, c -> new LinkedHashMap<>()).putAll(writes));
        event.clear();
    }

    /**
     * One bulk write per collection, in the order the store opened them: the record that recognises a redelivered
     * event is opened last, so a crash part-way leaves it behind and the events come again.
     */
    private void flush() {
        batch.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey().rank()))
                .forEach(e -> e.getKey().writeAll(e.getValue()));
        batch.clear();
    }

    private void discard() {
        batch.clear();
        event.clear();
    }
}
