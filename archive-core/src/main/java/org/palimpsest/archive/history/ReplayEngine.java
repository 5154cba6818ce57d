package org.palimpsest.archive.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections from the raw event stream up to a point, into whatever target the given projection
 * instances write to (a scratch database). It drives the very handler methods the live processors call, so a
 * difference between a replay and a live view is a real inconsistency, not a second implementation's quirk.
 *
 * <p>It feeds them as the live processors do, in batches: one unit of work per batch of events, so a generational
 * projection writes a batch with one bulk write per collection (see {@code ProjectionWrites}), and an event later in
 * a batch reads what an earlier one wrote before it reaches the store. An event a projection refuses is left out of
 * that projection, with whatever it wrote, as a live processor parks it (ADR 8); the replay goes on, and the check
 * reports the views of its document, and the parked event, as they are.
 *
 * <p>Each projection is replayed on a thread of its own, reading the log for itself: the projections share nothing,
 * and the store's work for one runs while another's handlers run, so a replay of several uses several cores.
 */
public final class ReplayEngine {

    private static final Logger log = LoggerFactory.getLogger(ReplayEngine.class);

    /**
     * Events per unit of work. A replay writes to a scratch store nobody else uses, so a batch may be as large as
     * memory allows: every record a batch writes more than once (a view its fixes change again, a version index block)
     * is written once, and each collection costs one bulk write per batch.
     */
    static final int BATCH = 1_000;
    /**
     * Whole document texts (imports, re-imports) per unit of work at most: the texts and what is derived from them are
     * held until the batch is written, so a batch of large imports holds no more than a live processor's batch does.
     */
    static final int TEXTS_PER_BATCH = 100;

    private final EventStorageEngine events;
    private final int batchSize;
    private final int textsPerBatch;
    private final int threads;

    public ReplayEngine(EventStorageEngine events) {
        this(events, BATCH, TEXTS_PER_BATCH, Runtime.getRuntime().availableProcessors());
    }

    ReplayEngine(EventStorageEngine events, int batchSize) {
        this(events, batchSize, batchSize, 1);
    }

    /**
     * @param textsPerBatch whole document texts a batch holds at most
     * @param threads       projections replayed at once, each on a thread of its own
     */
    ReplayEngine(EventStorageEngine events, int batchSize, int textsPerBatch, int threads) {
        if (batchSize < 1 || textsPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one event, not " + batchSize + " (" + textsPerBatch
                    + " texts)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("a replay needs a thread, not " + threads);
        }
        this.events = events;
        this.batchSize = batchSize;
        this.textsPerBatch = textsPerBatch;
        this.threads = threads;
    }

    /**
     * Feeds every event within {@code bound}, in global order, to {@code projections}; returns the last position fed or -1.
     *
     * @throws IllegalStateException when a batch's writes cannot be stored: the replay then vouches for nothing
     */
    public long replay(ReplayBound bound, Object... projections) {
        if (projections.length <= 1 || threads == 1) {
            return replayInto(bound, Arrays.asList(projections));
        }
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, projections.length), work -> {
            Thread thread = new Thread(work, "replay-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Long>> replays = new ArrayList<>();
            for (Object projection : projections) {
                replays.add(pool.submit(() -> replayInto(bound, List.of(projection))));
            }
            long last = -1;
            for (Future<Long> replay : replays) {
                last = Math.max(last, join(replay));
            }
            return last;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long join(Future<Long> replay) {
        try {
            return replay.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("replay failed", e.getCause());
        }
    }

    private long replayInto(ReplayBound bound, List<Object> projections) {
        List<AnnotationEventHandlerAdapter> handlers = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        long last = -1;
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        int texts = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                long position = position(event);
                if (bound.position() != null && position > bound.position()) {
                    break;
                }
                if (bound.time() != null && event.getTimestamp().isAfter(bound.time())) {
                    continue;
                }
                batch.add(event);
                last = position;
                texts += carriesText(event) ? 1 : 0;
                if (batch.size() == batchSize || texts == textsPerBatch) {
                    deliver(batch, handlers);
                    batch.clear();
                    texts = 0;
                }
            }
        }
        if (!batch.isEmpty()) {
            deliver(batch, handlers);
        }
        return last;
    }

    /** Whether the event brings a whole document text (told by its type, without reading its payload). */
    private static boolean carriesText(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        return type == DocumentImported.class || type == DocumentReimported.class;
    }

    /**
     * Hands each event of {@code batch}, in order, to every handler that takes it, in one unit of work whose commit
     * writes what they held back.
     */
    private static void deliver(List<TrackedEventMessage<?>> batch, List<AnnotationEventHandlerAdapter> handlers) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            TrackedEventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handle(handler, event);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("replay failed storing the batch of positions " + position(batch.get(0))
                    + " to " + position(batch.get(batch.size() - 1)), result.exceptionResult());
        }
    }

    /** One event to one projection; a refusal drops the event's writes (see {@code ProjectionWrites}) and no others. */
    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            log.warn("replay: {} refused the {} at position {}; left out, as a live processor parks it: {}",
                    handler.getTargetType().getSimpleName(), event.getPayloadType().getSimpleName(), position(event),
                    e.toString());
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(-1);
    }
}
