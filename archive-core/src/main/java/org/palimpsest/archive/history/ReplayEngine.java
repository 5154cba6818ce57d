package org.palimpsest.archive.history;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rebuilds projections from the raw event stream up to a point, into whatever target the given projection
 * instances write to (a scratch database). It drives the very handler methods the live processors call, so a
 * difference between a replay and a live view is a real inconsistency, not a second implementation's quirk.
 */
public final class ReplayEngine {

    private final EventStorageEngine events;

    public ReplayEngine(EventStorageEngine events) {
        this.events = events;
    }

    /** Feeds every event within {@code bound}, in global order, to {@code projections}; returns the last position fed or -1. */
    public long replay(ReplayBound bound, Object... projections) {
        List<AnnotationEventHandlerAdapter> handlers = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
        long last = -1;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                long position = event.trackingToken().position().orElse(-1);
                if (bound.position() != null && position > bound.position()) {
                    break;
                }
                if (bound.time() != null && event.getTimestamp().isAfter(bound.time())) {
                    continue;
                }
                deliver(event, handlers);
                last = position;
            }
        }
        return last;
    }

    private static void deliver(TrackedEventMessage<?> event, List<AnnotationEventHandlerAdapter> handlers) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (!handler.canHandle(event)) {
                continue;
            }
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            try {
                unitOfWork.executeWithResult(() -> handler.handle(event));
            } catch (Exception e) {
                throw new IllegalStateException("replay failed at position "
                        + event.trackingToken().position().orElse(-1) + " (" + event.getPayloadType().getSimpleName() + ")", e);
            }
        }
    }
}
