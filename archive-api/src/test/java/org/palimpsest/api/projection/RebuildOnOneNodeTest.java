package org.palimpsest.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.MongoUnderTest;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A blue/green rebuild swaps a projection's generation in the memory of the node that runs it only; a node that
 * worked on segments of the projection would go on writing and answering from the generation being dropped. So a
 * rebuild is refused while another node holds a segment of it, and runs once that node has stopped (ADR 9).
 */
class RebuildOnOneNodeTest {

    private static final String GROUP = ReadingViewProjection.PROCESSING_GROUP;

    private static ConfigurableApplicationContext node(String database) {
        return new SpringApplicationBuilder(PalimpsestApplication.class).web(WebApplicationType.NONE)
                .run("--spring.mongodb.uri=" + MongoUnderTest.get().uri(database), "--palimpsest.samples=false",
                        "--palimpsest.projection.segments=4", "--palimpsest.projection.segments-per-node=2");
    }

    @Test
    void aRebuildIsRefusedWhileAnotherNodeHoldsSegmentsOfTheProjectionAndRunsOnceItStopped() {
        String database = "one_node_rebuild_" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext a = node(database)) {
            ProjectionRebuilds rebuilds = a.getBean(ProjectionRebuilds.class);
            try (ConfigurableApplicationContext b = node(database)) {
                await("each node holds two segments of " + GROUP, () -> claimed(a) == 2 && claimed(b) == 2);

                assertThatThrownBy(() -> rebuilds.start(GROUP))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("2 of the 4 segments of " + GROUP + " are claimed by other nodes");
                assertThat(rebuilds.statuses()).as("nothing was started").doesNotContainKey(GROUP);
            }

            rebuilds.start(GROUP).orElseThrow();
            await("the rebuild finishes", () -> rebuilds.statuses().get(GROUP).finishedAt() != null);
            ProjectionRebuilds.Status status = rebuilds.statuses().get(GROUP);
            assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo("done");
            assertThat(status.generation()).isEqualTo(1);
        }
    }

    private static int claimed(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessor(GROUP, StreamingEventProcessor.class)
                .orElseThrow().processingStatus().size();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
