package org.palimpsest.api.cli.bench;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/** The archive's event processors as the bench drives them: held while a load is written, then timed to the head. */
final class Processors {

    private static final long POLL_MILLIS = 50;

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    Processors(ConfigurableApplicationContext archive) {
        this.processing = archive.getBean(EventProcessingConfiguration.class);
        this.events = archive.getBean(EventStore.class);
    }

    void stopAll() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    void startAll() {
        processing.eventProcessors().values().forEach(EventProcessor::start);
    }

    long head() {
        return events.createHeadToken().position().orElse(-1);
    }

    /** Waits until every streaming processor has processed the head as it is now, counting the slowest one's progress. */
    void awaitHead(Progress progress, String what, long from) {
        long head = head();
        while (true) {
            Map.Entry<String, Long> slowest = slowest();
            progress.count(what + " (" + slowest.getKey() + ")", Math.max(0, Math.min(slowest.getValue(), head) - from),
                    head - from);
            if (slowest.getValue() >= head) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the projections", e);
            }
        }
    }

    /** The processor furthest behind and its position (the lowest of its segments'). */
    private Map.Entry<String, Long> slowest() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(e -> Map.entry(e.getKey(), ((StreamingEventProcessor) e.getValue()).processingStatus().values()
                        .stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1)))
                .min(Map.Entry.comparingByValue())
                .orElse(Map.entry("none", Long.MAX_VALUE));
    }
}
