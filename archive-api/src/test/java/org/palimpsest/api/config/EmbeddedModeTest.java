package org.palimpsest.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.document.ImportOutcome;
import org.palimpsest.archive.document.ImportRequest;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.ListReadingViews;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewPage;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

    @Test
    void loadsTheBundledSamplesIntoAnEmptyArchiveOnlyOnce() {
        long first;
        try (ConfigurableApplicationContext archive = start(true)) {
            first = awaitDocuments(archive, 4);
            assertThat(first).isEqualTo(4);
        }
        try (ConfigurableApplicationContext archive = start(true)) {
            assertThat(awaitDocuments(archive, 4)).isEqualTo(first);
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

    private ConfigurableApplicationContext start(boolean samples) {
        return new SpringApplicationBuilder(PalimpsestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--palimpsest.data-dir=" + dataDir, "--palimpsest.samples=" + samples, "--spring.mongodb.uri=");
    }
}
