package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ListReadingViews;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewPage;
import org.palimpsest.archive.provenance.Actors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The default mode of a fresh machine: no MongoDB URI, an embedded server on a file in the data directory. */
class EmbeddedModeTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsSurviveARestartOfTheArchive() {
        String id;
        try (ConfigurableApplicationContext archive = start(false)) {
            ImportOutcome outcome = archive.getBean(DocumentImporter.class)
                    .importDocument(ImportRequest.ofText("# Persisted\n\nKept across restarts."), "tester");
            id = outcome.documentId();
            assertThat(awaitDocuments(archive, 1)).isEqualTo(1);
        }
        assertThat(dataDir.resolve("palimpsest.mv.db")).exists();

        try (ConfigurableApplicationContext archive = start(false)) {
            Optional<ReadingView> view = archive.getBean(QueryGateway.class)
                    .query(new FindReadingView(id), ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
            assertThat(view).map(ReadingView::title).contains("Persisted");
            ImportOutcome again = archive.getBean(DocumentImporter.class)
                    .importDocument(ImportRequest.ofText("# Persisted\n\nKept across restarts."), "tester");
            assertThat(again.result()).isEqualTo(ImportOutcome.Result.UNCHANGED);
            assertThat(again.documentId()).isEqualTo(id);
        }
    }

    /**
     * Counts the facts in the event store, not the views: re-importing a sample's identical text records nothing,
     * so a view count cannot tell one loading from two. An editor therefore changes one sample between the runs;
     * loading the samples again would import its original text over the change, a fact of its own.
     */
    @Test
    void loadsTheBundledSamplesIntoAnEmptyArchiveOnlyOnce() throws IOException {
        List<Fact> loaded;
        try (ConfigurableApplicationContext archive = start(true)) {
            loaded = facts(archive);
            assertThat(loaded).as("one import per bundled sample, by the sample loader")
                    .hasSize(bundledSamples())
                    .allSatisfy(fact -> assertThat(fact).isEqualTo(new Fact(DocumentImported.class.getName(), "system:samples")));
            String sample = new ClassPathResource("samples/corvid-labs-timeline.en.md").getContentAsString(StandardCharsets.UTF_8);
            ImportOutcome edited = archive.getBean(DocumentImporter.class)
                    .importDocument(ImportRequest.ofText(sample + "\n\nAn editor's note added to the sample.\n"), "editor");
            assertThat(edited.result()).isEqualTo(ImportOutcome.Result.REIMPORTED);
        }
        try (ConfigurableApplicationContext archive = start(true)) {
            List<Fact> expected = new ArrayList<>(loaded);
            expected.add(new Fact(DocumentReimported.class.getName(), "editor"));
            assertThat(facts(archive)).as("nothing loaded into an archive with history").isEqualTo(expected);
        }
    }

    @Test
    void aSecondArchiveOnTheSameDataDirectoryFailsWithAnActionableMessage() {
        try (ConfigurableApplicationContext ignored = start(false)) {
            assertThatThrownBy(() -> start(false))
                    .hasStackTraceContaining("another Palimpsest process");
        }
    }

    private long awaitDocuments(ConfigurableApplicationContext archive, long expected) {
        QueryGateway queries = archive.getBean(QueryGateway.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = queries.query(new ListReadingViews(null, 0, 50), ReadingViewPage.class).join().total();
            if (total >= expected) {
                return total;
            }
            Thread.onSpinWait();
        }
        return total;
    }

    /** What the store holds, in order: each event's type and who caused it. */
    private record Fact(String type, String actor) {
    }

    private static List<Fact> facts(ConfigurableApplicationContext archive) {
        try (Stream<? extends TrackedEventMessage<?>> events = archive.getBean(EventStorageEngine.class).readEvents(null, false)) {
            return events.map(e -> new Fact(e.getPayloadType().getName(), String.valueOf(e.getMetaData().get(Actors.METADATA_KEY))))
                    .toList();
        }
    }

    /** The sample files the application bundles, its README aside. */
    private static int bundledSamples() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.*");
        int samples = (int) Arrays.stream(files).filter(r -> !"README.md".equalsIgnoreCase(r.getFilename())).count();
        assertThat(samples).as("bundled samples").isPositive();
        return samples;
    }

    private ConfigurableApplicationContext start(boolean samples) {
        return new SpringApplicationBuilder(PalimpsestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--palimpsest.data-dir=" + dataDir, "--palimpsest.samples=" + samples, "--spring.mongodb.uri=");
    }
}
