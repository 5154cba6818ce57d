package org.palimpsest.api.cli.bench;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.palimpsest.api.projection.ProjectionRebuilds;
import org.palimpsest.archive.document.DocumentImporter;
import org.palimpsest.archive.history.EventLog;
import org.palimpsest.archive.history.ProjectionComparison;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ScratchReplay;

/**
 * The projections on the realistic mix: how fast the live processors catch up with it, a blue/green rebuild of every
 * rebuildable projection, the consistency check (a replay into scratch compared with the views), and what the data
 * directory holds against the exported log before and after the rebuild. The raw rate beside them is a bulk write
 * of as many documents, of the log's average event size, on the raw store.
 */
final class ProjectionBench {

    record Results(RealisticMix.Written mix, double live, double rebuild, double bulkWrite, double check,
                   boolean consistent, long logEvents, long exportBytes, long dirBefore, long dirAfter,
                   List<String> rebuilt) {
    }

    private final ScratchArchive archive;
    private final RawStore raw;
    private final Processors processors;
    private final Progress progress;
    private final Path scratch;

    ProjectionBench(ScratchArchive archive, RawStore raw, Processors processors, Progress progress, Path scratch) {
        this.archive = archive;
        this.raw = raw;
        this.processors = processors;
        this.progress = progress;
        this.scratch = scratch;
    }

    Results measure(BenchScale scale, Random random) throws IOException {
        progress.step("realistic mix: writing with the processors held");
        processors.stopAll();
        RealisticMix.Written mix;
        long from = processors.head();
        try {
            mix = new RealisticMix(archive.bean(DocumentImporter.class), archive.bean(CommandGateway.class), processors,
                    progress).write(scale, random);
        } finally {
            processors.startAll();
        }
        progress.step(String.format("live projection of %,d events", mix.events()));
        Stopwatch watch = Stopwatch.start();
        processors.awaitHead(progress, "slowest processor", from);
        double live = watch.rate(mix.events());

        long[] exported = export("before-rebuild");
        long dirBefore = archive.dataDirBytes();
        StorageBreakdown.report(archive.bean(MongoDatabase.class), "before the rebuild", dirBefore, progress);
        int averageBytes = (int) Math.max(1, exported[1] / Math.max(1, exported[0]));
        progress.step(String.format("raw driver: bulk write of %,d documents of %,d bytes", mix.events(), averageBytes));
        String filler = "x".repeat(averageBytes);
        double bulkWrite = raw.bulkWrite("raw_mix", (int) mix.events(), i -> new Document("n", i).append("payload", filler));

        progress.step("consistency check (replay into scratch, compare with the views)");
        watch = Stopwatch.start();
        List<ProjectionComparison<?>> comparisons = archive.context().getBeanProvider(ProjectionComparison.class)
                .orderedStream().<ProjectionComparison<?>>map(c -> c).toList();
        boolean consistent = archive.bean(ScratchReplay.class).check(ReplayBound.asOf(Instant.now()), comparisons).consistent();
        double check = watch.rate(exported[0]);

        ProjectionRebuilds rebuilds = archive.bean(ProjectionRebuilds.class);
        List<String> groups = rebuilds.rebuildable();
        progress.step("blue/green rebuild of " + String.join(", ", groups));
        watch = Stopwatch.start();
        for (String group : groups) {
            rebuild(rebuilds, group);
        }
        double rebuild = watch.rate(exported[0]);
        long dirAfter = archive.dataDirBytes();
        StorageBreakdown.report(archive.bean(MongoDatabase.class), "after the rebuild", dirAfter, progress);
        return new Results(mix, live, rebuild, bulkWrite, check, consistent, exported[0], exported[1], dirBefore,
                dirAfter, groups);
    }

    private void rebuild(ProjectionRebuilds rebuilds, String group) {
        rebuilds.start(group).orElseThrow();
        while (true) {
            ProjectionRebuilds.Status status = rebuilds.statuses().get(group);
            progress.count("rebuild of " + group, Math.max(0, status.position()), Math.max(status.head(), 0));
            if (status.finishedAt() != null) {
                if (!"done".equals(status.state())) {
                    throw new IllegalStateException("the rebuild of " + group + " failed: " + status.error());
                }
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the rebuild of " + group, e);
            }
        }
    }

    /** The whole log as {@code export-log} writes it; returns {events, bytes}. */
    private long[] export(String name) throws IOException {
        progress.step("exporting the log (NDJSON, as export-log writes it)");
        Path file = scratch.resolve("export-" + name + ".ndjson");
        long events;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            events = archive.bean(EventLog.class).export(out, n -> { });
        }
        long bytes = Files.size(file);
        Files.delete(file);
        return new long[]{events, bytes};
    }
}
