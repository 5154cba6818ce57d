package org.palimpsest.archive.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
 */
public final class ReplayEngine {

    private static final Logger log = LoggerFactory.getLogger(ReplayEngine.class);

    /** Events per unit of work, as many as a rebuild's processor takes at a time. */
    static final int BATCH = 100;

    private final EventStorageEngine events;
    private final int batchSize;

    public ReplayEngine(EventStorageEngine events) {
        this(events, BATCH);
    }

    ReplayEngine(EventStorageEngine events, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one event, not " + batchSize);
        }
        this.events = events;
        this.batchSize = batchSize;
    }

    /**
     * Feeds every event within {@code bound}, in global order, to {@code projections}; returns the last position fed or -1.
     *
     * @throws IllegalStateException when a batch's writes cannot be stored: the replay then vouches for nothing
     */
    public long replay(ReplayBound bound, Object... projections) {
        List<AnnotationEventHandlerAdapter> handlers = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
        long last = -1;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
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
                if (batch.size() == batchSize) {
                    deliver(batch, handlers);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            deliver(batch, handlers);
        }
        return last;
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
