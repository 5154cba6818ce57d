package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.projection.DeadLetters;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.archive.history.ParkedEvent;

/**
 * The dead-letter wiring of {@link DeadLetterConfiguration}, with the processor settings of {@link AxonConfiguration}
 * (batches of 100, errors propagate), on a tracking processor and the real MongoDB queue: a handler that throws for
 * one document parks that document's events only, and retry and skip release them.
 */
class PoisonEventParkingTest {

    private static final String GROUP = "timeline";
    private ParkingAxon fixture;
    private Configuration axon;
    private DeadLetters letters;
    private ParkedEvents parked;
    private final FlakyView view = new FlakyView();

    @BeforeEach
    void start() {
        fixture = new ParkingAxon("parking", view, new InMemoryTokenStore());
        axon = fixture.axon;
        letters = fixture.letters;
        parked = new ParkedEvents(letters, axon.eventProcessingConfiguration());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void parksOneDocumentWhileTheOthersFlowAndRetryAppliesItsEventsInOrder() {
        view.poison("poisoned", 1);
        publish("healthy", 1);
        publish("poisoned", 1);
        publish("other", 1);
        publish("poisoned", 2);
        publish("healthy", 2);
        publish("poisoned", 3);
        publish("other", 2);

        // Documents may sit in different segments, which move on independently: nothing orders the parking of one
        // document's events against the applying of another's.
        await("the other documents' events are applied", () -> view.applied("healthy").size() == 2
                && view.applied("other").size() == 2);
        await("the poisoned document's events are parked", () -> letters.parked(GROUP).size() == 3);
        assertThat(view.applied("healthy")).containsExactly(1, 2);
        assertThat(view.applied("other")).containsExactly(1, 2);
        assertThat(view.applied("poisoned")).isEmpty();
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.isError()).as("the processor goes on, it does not stop on the poison").isFalse();

        List<ParkedEvent> queue = letters.parked(GROUP);
        assertThat(queue).extracting(ParkedEvent::sequence).containsExactly("poisoned", "poisoned", "poisoned");
        assertThat(queue).extracting(ParkedEvent::index).containsExactly(0L, 1L, 2L);
        assertThat(queue).extracting(ParkedEvent::eventType).containsOnly("Noted");
        assertThat(queue.get(0).errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(queue.get(0).errorMessage()).contains("poisoned#1");
        assertThat(queue.get(0).position()).isEqualTo(1L);
        assertThat(queue.subList(1, 3)).extracting(ParkedEvent::errorType).containsOnlyNulls();
        assertThat(parked.behind("poisoned")).singleElement().satisfies(b -> {
            assertThat(b.projection()).isEqualTo(GROUP);
            assertThat(b.parked()).isEqualTo(3);
            assertThat(b.error()).contains("poisoned#1");
        });
        assertThat(parked.behind("healthy")).isEmpty();

        ParkedEvents.Outcome stillFailing = parked.retry(GROUP, "poisoned").orElseThrow();
        assertThat(stillFailing.result()).isEqualTo(ParkedEvents.Result.parked);
        assertThat(stillFailing.applied()).isZero();
        assertThat(stillFailing.stillParked()).hasSize(3);
        assertThat(stillFailing.stillParked().get(0).retries()).isEqualTo(1);
        assertThat(view.applied("poisoned")).isEmpty();

        view.cure();
        ParkedEvents.Outcome released = parked.retry(GROUP, "poisoned").orElseThrow();
        assertThat(released.result()).isEqualTo(ParkedEvents.Result.released);
        assertThat(released.applied()).isEqualTo(3);
        assertThat(view.applied("poisoned")).containsExactly(1, 2, 3);
        assertThat(letters.parked(GROUP)).isEmpty();

        publish("poisoned", 4);
        await("a released document flows again", () -> view.applied("poisoned").size() == 4);
        assertThat(view.applied("poisoned")).containsExactly(1, 2, 3, 4);
        assertThat(parked.retry(GROUP, "poisoned")).as("nothing parked any more").isEmpty();
    }

    @Test
    void skipEvictsTheFailingEventAndAppliesWhatQueuedBehindIt() {
        view.poison("skipped", 1);
        publish("skipped", 1);
        publish("skipped", 2);
        publish("healthy", 1);
        await("the healthy document is applied", () -> view.applied("healthy").size() == 1);
        await("both events of the poisoned document are parked", () -> letters.parked(GROUP).size() == 2);

        ParkedEvents.Outcome outcome = parked.skip(GROUP, "skipped", "the analyser cannot read it", "admin").orElseThrow();

        assertThat(outcome.result()).isEqualTo(ParkedEvents.Result.released);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(outcome.applied()).isEqualTo(1);
        assertThat(view.applied("skipped")).containsExactly(2);
        assertThat(letters.parked(GROUP)).isEmpty();
        assertThat(parked.skip(GROUP, "skipped", "again", "admin")).isEmpty();
    }

    @Test
    void aBatchProcessedAgainParksEachEventOnce() {
        view.poison("poisoned", 1);
        publish("poisoned", 1);
        await("parked", () -> letters.parked(GROUP).size() == 1);
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        // A replay delivers the event again, as a batch repeated after a failure would.
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        publish("healthy", 1);
        await("the replay has passed the poisoned event", () -> view.applied("healthy").size() == 1);

        assertThat(letters.parked(GROUP)).hasSize(1);
    }

    private void publish(String documentId, int n) {
        fixture.publish(documentId, n);
    }

    private static void await(String what, BooleanSupplier condition) {
        ParkingAxon.await(what, condition);
    }

    /** A view that throws on the events it is told to, until it is cured. */
    @ProcessingGroup(GROUP)
    static final class FlakyView {

        private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
        private final ParkingAxon.AppliedEvents applied = new ParkingAxon.AppliedEvents(poisoned);

        void poison(String documentId, int n) {
            poisoned.add(documentId + "#" + n);
        }

        void cure() {
            poisoned.clear();
        }

        List<Integer> applied(String documentId) {
            return applied.of(documentId);
        }

        @EventHandler
        void on(ParkingAxon.Noted event) {
            applied.apply(event);
        }
    }
}
