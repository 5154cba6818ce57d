package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.web.ProjectionProgress;

/**
 * Read-your-writes waits for the segment {@link AxonTrackers} says holds an aggregate: it must be the segment Axon's
 * processors, configured as the archive configures them, actually give that aggregate's events to.
 */
class AxonTrackersTest {

    private static final String GROUP = "segments-test";

    record Happened(String aggregateId) {
    }

    @ProcessingGroup(GROUP)
    static final class View {
        final Map<String, Integer> segmentOf = new ConcurrentHashMap<>();

        @EventHandler
        void on(Happened event) {
            int segment = CurrentUnitOfWork.get().getResource("Processor[" + GROUP + "]/SegmentId");
            segmentOf.put(event.aggregateId(), segment);
        }
    }

    @Test
    void theSegmentSaidToHoldAnAggregateIsTheOneThatProjectsItsEvents() throws Exception {
        View view = new View();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(TokenStore.class, c -> new InMemoryTokenStore());
        configurer.eventProcessing().usingTrackingEventProcessors().registerEventHandler(c -> view)
                .registerDefaultSequencingPolicy(c -> SequentialPerAggregatePolicy.instance());
        new AxonConfiguration().projectionBatches(ProjectionSegments.DEFAULT, new ProjectionProgress())
                .configureModule(configurer);
        Configuration axon = configurer.start();
        int aggregates = 40;
        try {
            for (int n = 0; n < aggregates; n++) {
                String id = "document-" + n;
                axon.eventBus().publish(new GenericDomainEventMessage<>("Document", id, 0, new Happened(id)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (view.segmentOf.size() < aggregates) {
                assertThat(System.nanoTime()).as("every event projected within 30 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            SequencingPolicy<?> policy = axon.eventProcessingConfiguration().sequencingPolicy(GROUP);
            int segments = ProjectionSegments.DEFAULT.segments();
            int[] ids = IntStream.range(0, segments).toArray();
            assertThat(new HashSet<>(view.segmentOf.values())).as("the events were spread over every segment")
                    .hasSize(segments);
            view.segmentOf.forEach((aggregate, projectedIn) -> {
                for (int id : ids) {
                    assertThat(AxonTrackers.holdsEventsOf(policy, Segment.computeSegment(id, ids), aggregate))
                            .as(aggregate + " in segment " + id).isEqualTo(id == projectedIn);
                }
            });
        } finally {
            axon.shutdown();
        }
    }
}
