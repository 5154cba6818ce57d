package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.web.ProjectionProgress;

/**
 * The processors as configured report to {@link ProjectionProgress} when they move on, after the batch is applied, so
 * a waiting write that is woken finds its event in the view.
 */
class ProjectionProgressTest {

    record Happened(int n) {
    }

    @ProcessingGroup("progress-test")
    static final class View {
        final CopyOnWriteArrayList<Integer> applied = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Happened event) {
            applied.add(event.n());
        }
    }

    @Test
    void aProcessorReportsEachMoveAfterItsViewHasTheEvent() throws Exception {
        View view = new View();
        CopyOnWriteArrayList<Integer> seenAtReport = new CopyOnWriteArrayList<>();
        ProjectionProgress progress = new ProjectionProgress();
        EventTrackerStatusChangeListener reports = new EventTrackerStatusChangeListener() {
            @Override
            public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> changes) {
                seenAtReport.add(view.applied.size());
                progress.onEventTrackerStatusChange(changes);
            }

            @Override
            public boolean validatePositions() {
                return progress.validatePositions();
            }
        };
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(TokenStore.class, c -> new InMemoryTokenStore());
        configurer.eventProcessing().usingTrackingEventProcessors().registerEventHandler(c -> view);
        new AxonConfiguration().projectionBatches(ProjectionSegments.DEFAULT, reports).configureModule(configurer);
        Configuration axon = configurer.start();
        try {
            // The first event may coincide with a change of the processors' state (caught up); the second only moves
            // their position, which Axon reports only to a listener that asks for positions.
            for (int n = 1; n <= 2; n++) {
                int applied = n;
                axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened(n)));
                awaitUntil(() -> seenAtReport.contains(applied));
            }
        } finally {
            axon.shutdown();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("a report after the view applied the event, within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
