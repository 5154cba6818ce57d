package org.palimpsest.api.web;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Lets a client read what it has just written. Projections are asynchronous, so after a command the API
 * notes the head of the event stream and waits, up to the configured read timeout, until the projections it
 * is about to read from have processed that far. Configuration builds it with the read timeout, so this package
 * does not depend on the configuration that depends on it.
 */
public class ReadYourWrites {

    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ReadYourWrites(EventStore events, EventProcessingConfiguration processing, Duration timeout) {
        this.events = events;
        this.processing = processing;
        this.timeout = timeout;
    }

    /**
     * Waits for the named processing groups, or for every streaming processor when none is named, since a
     * client that changed a document may read any view next.
     *
     * @return false when the timeout passed first; the answer should then say the view may lag
     */
    public boolean await(String... processingGroups) {
        if (processingGroups.length == 0) {
            processingGroups = processing.eventProcessors().keySet().toArray(String[]::new);
        }
        TrackingToken head = events.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : processingGroups) {
            while (!reached(group, target.getAsLong())) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean reached(String group, long position) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    return !status.isEmpty() && status.values().stream()
                            .allMatch(s -> s.getCurrentPosition().orElse(-1) >= position);
                })
                // Not a streaming processor (e.g. subscribing in a test): it is always up to date.
                .orElse(true);
    }
}
