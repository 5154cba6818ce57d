package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.projection.DeadLetters;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.api.projection.ProjectionRebuilds;
import org.palimpsest.archive.history.ParkedEvent;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.palimpsest.archive.projection.Rebuildable;

/**
 * A blue/green rebuild meets a poison event: it parks it in a queue of its own instead of stalling or failing, and
 * the live projection adopts those letters with the rebuilt collections; a retry then applies them to the adopted ones.
 */
class RebuildParkingTest {

    private static final String GROUP = "counting";
    private ParkingAxon fixture;
    private DeadLetters letters;
    private ProjectionRebuilds rebuilds;
    private ParkedEvents parked;
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final CountingView live = new CountingView(Generation.FIRST, poisoned);

    @BeforeEach
    void start() {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        fixture = new ParkingAxon("rebuild_parking", live, tokens);
        letters = fixture.letters;
        Configuration axon = fixture.axon;
        rebuilds = new ProjectionRebuilds(List.of(live), axon.eventProcessingConfiguration(), axon.eventStore(), tokens,
                new ProjectionGenerations(fixture.database), fixture.database, letters);
        parked = new ParkedEvents(letters, axon.eventProcessingConfiguration());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRebuildParksThePoisonAndTheLiveProjectionAdoptsItsLetters() {
        poisoned.add("poisoned#1");
        publish("healthy", 1);
        publish("poisoned", 1);
        publish("poisoned", 2);
        publish("healthy", 2);
        await("the live projection has the healthy document and parked the poisoned one",
                () -> live.applied("healthy").size() == 2 && letters.parked(GROUP).size() == 2);
        Instant beforeRebuild = Instant.now();

        rebuilds.start(GROUP).orElseThrow();
        await("the rebuild finishes", () -> rebuilds.statuses().get(GROUP).finishedAt() != null);

        ProjectionRebuilds.Status status = rebuilds.statuses().get(GROUP);
        assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo("done");
        assertThat(live.generation().number()).isEqualTo(1);
        assertThat(live.applied("healthy")).as("the adopted generation's view").containsExactly(1, 2);
        List<ParkedEvent> adopted = letters.parked(GROUP);
        assertThat(adopted).extracting(ParkedEvent::sequence).containsExactly("poisoned", "poisoned");
        assertThat(adopted).allSatisfy(p -> assertThat(p.parkedAt()).as("parked by the rebuild").isAfter(beforeRebuild));
        assertThat(letters.parked(GROUP + "-rebuild-g1")).isEmpty();

        poisoned.clear();
        assertThat(parked.retry(GROUP, "poisoned").orElseThrow().result()).isEqualTo(ParkedEvents.Result.released);
        assertThat(live.applied("poisoned")).as("applied to the adopted generation").containsExactly(1, 2);
        publish("poisoned", 3);
        await("the live processor runs on after the hand-over", () -> live.applied("poisoned").size() == 3);
    }

    private void publish(String documentId, int n) {
        fixture.publish(documentId, n);
    }

    private static void await(String what, BooleanSupplier condition) {
        ParkingAxon.await(what, condition);
    }

    /** A rebuildable view held in memory per generation, throwing on the events in {@code poisoned}. */
    @ProcessingGroup(GROUP)
    static final class CountingView implements Rebuildable {

        private final Set<String> poisoned;
        private volatile Generation generation;
        private volatile ParkingAxon.AppliedEvents applied;

        CountingView(Generation generation, Set<String> poisoned) {
            this.generation = generation;
            this.poisoned = poisoned;
            this.applied = new ParkingAxon.AppliedEvents(poisoned);
        }

        List<Integer> applied(String documentId) {
            return applied.of(documentId);
        }

        @EventHandler
        void on(ParkingAxon.Noted event) {
            applied.apply(event);
        }

        @Override
        public String processingGroup() {
            return GROUP;
        }

        @Override
        public Generation generation() {
            return generation;
        }

        @Override
        public Rebuildable fresh(Generation next) {
            return new CountingView(next, poisoned);
        }

        @Override
        public void adopt(Rebuildable rebuilt) {
            CountingView fresh = (CountingView) rebuilt;
            applied = fresh.applied;
            generation = fresh.generation;
        }

        @Override
        public List<String> collections(Generation of) {
            return List.of();
        }
    }
}
