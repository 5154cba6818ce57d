package org.palimpsest.api.cli.bench;

import com.mongodb.client.MongoDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.palimpsest.api.PalimpsestProperties;

/**
 * One run of the bench: a scratch archive (web server on a random port, embedded store, nothing configured) and a
 * raw store beside it, every area measured in turn, one table printed, and the scratch directory deleted whatever
 * happened.
 */
public final class Bench {

    private final BenchScale scale;
    private final Path scratchParent;
    private final PrintWriter out;
    private final Progress progress;

    public Bench(BenchScale scale, Path scratchParent, PrintWriter out, PrintWriter err) {
        this.scale = scale;
        this.scratchParent = scratchParent;
        this.out = out;
        this.progress = new Progress(err);
    }

    /** @return false when the views disagreed with a replay of the log (the figures are printed either way) */
    public boolean run() throws Exception {
        Path scratch = Files.createTempDirectory(Files.createDirectories(scratchParent), "palimpsest-bench");
        progress.step("scratch archive in " + scratch + " (deleted at the end)");
        try {
            return measure(scratch);
        } finally {
            ScratchArchive.deleteRecursively(scratch);
            progress.step("deleted " + scratch);
        }
    }

    private boolean measure(Path scratch) throws Exception {
        Random random = new Random(42);
        try (ScratchArchive archive = ScratchArchive.start(scratch.resolve("data"))) {
            MongoDatabase archiveDatabase = archive.bean(MongoDatabase.class);
            boolean forceToDisk = Boolean.TRUE.equals(archive.bean(PalimpsestProperties.class).durabilityOrDefault().embeddedFsync());
            try (RawStore raw = new RawStore(scratch.resolve("raw"), forceToDisk, archiveDatabase.getWriteConcern())) {
                Processors processors = new Processors(archive.context());
                ProjectionBench.Results projections = new ProjectionBench(archive, raw, processors, progress, scratch)
                        .measure(scale, random);
                EngineBench.Rates engine = new EngineBench(raw,
                        archive.context().getBean("serializer", Serializer.class),
                        archive.context().getBean("eventSerializer", Serializer.class), progress)
                        .measure(scale.engineSmall(), scale.engineLarge());
                HttpBench.Results http = new HttpBench(archive, raw, progress).measure(scale, random);
                List<AsOfBench.AtLength> asOf = new AsOfBench(archive.bean(EventStorageEngine.class),
                        archive.bean(QueryGateway.class), processors, progress)
                        .measure(scale.asOfVersions(), scale.asOfQueries(), random);
                progress.step("durable acknowledgement on scratch stores");
                DurabilityBench.Rates durable = DurabilityBench.measure(scratch.resolve("durability"));
                out.println();
                out.printf(Locale.ROOT, "palimpsest bench: %s; %d cores; %.0f s%n", describe(projections, http),
                        Runtime.getRuntime().availableProcessors(), progress.elapsedSeconds());
                out.print(BenchTable.format(figures(engine, projections, http, asOf, durable)));
                out.flush();
                return projections.consistent();
            }
        }
    }

    private static String describe(ProjectionBench.Results p, HttpBench.Results h) {
        RealisticMix.Written mix = p.mix();
        return String.format(Locale.ROOT, "mix of %,d events (%d imports of 6-60 KB ko/ja/en, %.1f MB of text; %d annotation"
                        + " creations, %d edits; %d fix rounds proposed/accepted/reverted); %,d events in the log at the"
                        + " storage figures; reading view with %d annotations",
                mix.events(), mix.imports(), mix.textBytes() / 1e6, mix.annotations(), mix.edits(), mix.fixRounds(),
                p.logEvents(), h.viewAnnotations());
    }

    /** Every figure in the order printed, each with what it is held to. */
    static List<Figure> figures(EngineBench.Rates e, ProjectionBench.Results p, HttpBench.Results h,
                                List<AsOfBench.AtLength> asOf, DurabilityBench.Rates d) {
        List<Figure> figures = new ArrayList<>();
        String small = thousands(e.small());
        String large = thousands(e.large());
        figures.add(Figure.against("engine append, batches of 100", e.append(), "events/s",
                new Figure.Reference("insertMany, " + e.eventBytes() + " B docs, Axon's unique indexes", e.insertMany(),
                        "docs/s"), Target.ratioAtLeast(0.8)));
        // The issue's own wording compares with insertMany into a bare collection; shown beside the target's reference.
        figures.add(Figure.against("engine append vs an unindexed collection", e.append(), "events/s",
                new Figure.Reference("insertMany, no unique index but _id", e.insertManyUnindexed(), "docs/s"), null));
        figures.add(Figure.against("tracking read, " + small + " stored", e.trackingSmall(), "events/s",
                new Figure.Reference("sorted find, same collection", e.findSmall(), "docs/s"), Target.ratioAtLeast(0.5)));
        figures.add(Figure.against("tracking read, last " + small + " of " + large, e.trackingLarge(), "events/s",
                new Figure.Reference("sorted find, same collection", e.findLarge(), "docs/s"), Target.ratioAtLeast(0.5)));
        figures.add(Figure.against("tracking rate, " + large + " vs " + small + " stored", e.trackingLarge(), "events/s",
                new Figure.Reference("tracking read, " + small + " stored", e.trackingSmall(), "events/s"),
                Target.ratioAtLeast(0.8)));
        Figure.Reference bulk = new Figure.Reference("bulkWrite, as many docs", p.bulkWrite(), "docs/s");
        figures.add(Figure.against("live projection, mix of " + thousands(p.mix().events()), p.live(), "events/s", bulk,
                Target.ratioAtLeast(0.3)));
        figures.add(Figure.against("rebuild of " + p.rebuilt().size() + " projections, " + thousands(p.logEvents())
                + " events", p.rebuild(), "events/s", bulk, Target.ratioAtLeast(0.3)));
        figures.add(Figure.against("consistency check" + (p.consistent() ? "" : " (INCONSISTENT)"), p.check(), "events/s",
                new Figure.Reference("sorted find", e.findSmall(), "docs/s"), null));
        figures.add(Figure.against("HTTP imports of 20 KB, " + HttpBench.CLIENTS + " clients", h.importRate(), "docs/s",
                new Figure.Reference("insertOne 20 KB, " + HttpBench.CLIENTS + " clients", h.rawImportRate(), "docs/s"),
                Target.valueAtLeast(20)));
        figures.add(Figure.against("HTTP annotation creations+edits, " + HttpBench.CLIENTS + " clients", h.annotationRate(),
                "writes/s", new Figure.Reference("insertOne, " + HttpBench.CLIENTS + " clients", h.rawAnnotationRate(),
                        "docs/s"), Target.valueAtLeast(100)));
        AsOfBench.AtLength shortest = asOf.get(0);
        for (AsOfBench.AtLength length : asOf) {
            figures.add(Figure.of("as-of p50, " + thousands(length.versions()) + " versions", length.latencies().p50(), "ms", null));
            figures.add(Figure.of("as-of p99, " + thousands(length.versions()) + " versions", length.latencies().p99(), "ms", null));
        }
        AsOfBench.AtLength longest = asOf.get(asOf.size() - 1);
        figures.add(Figure.against("as-of p50, " + thousands(longest.versions()) + " vs " + shortest.versions() + " versions",
                longest.latencies().p50(), "ms", new Figure.Reference("p50 at " + shortest.versions(),
                        shortest.latencies().p50(), "ms"), null));
        figures.add(Figure.against("as-of p99, " + thousands(longest.versions()) + " vs " + shortest.versions() + " versions",
                longest.latencies().p99(), "ms", new Figure.Reference("p99 at " + shortest.versions(),
                        shortest.latencies().p99(), "ms"), Target.ratioAtMost(2)));
        String view = "reading view GET (20 KB, " + h.viewAnnotations() + " annotations)";
        figures.add(Figure.of(view + " p50", h.readingView().p50(), "ms", Target.valueAtMost(15)));
        figures.add(Figure.of(view + " p99", h.readingView().p99(), "ms", Target.valueAtMost(50)));
        figures.add(Figure.of(view + " p50 signed in", h.readingViewSignedIn().p50(), "ms", null));
        figures.add(Figure.of("timeline GET p50", h.timeline().p50(), "ms", null));
        figures.add(Figure.of("timeline GET p99", h.timeline().p99(), "ms", null));
        figures.add(Figure.against("bytes stored per event", (double) p.dirBefore() / p.logEvents(), "B",
                new Figure.Reference("exported bytes per event", (double) p.exportBytes() / p.logEvents(), "B"), null));
        Figure.Reference export = new Figure.Reference("export-log NDJSON", p.exportBytes() / 1e6, "MB");
        figures.add(Figure.against("data directory before rebuild", p.dirBefore() / 1e6, "MB", export, Target.ratioAtMost(3)));
        figures.add(Figure.against("data directory after rebuild", p.dirAfter() / 1e6, "MB", export, Target.ratioAtMost(3)));
        figures.add(Figure.against("acknowledged inserts forced to disk, 1 writer", d.forcedOne(), "docs/s",
                new Figure.Reference("background commits (not durable)", d.backgroundOne(), "docs/s"), null));
        figures.add(Figure.against("acknowledged inserts forced to disk, 4 writers", d.forcedFour(), "docs/s",
                new Figure.Reference("forced, 1 writer", d.forcedOne(), "docs/s"), null));
        return figures;
    }

    private static String thousands(long n) {
        return n >= 1_000 && n % 1_000 == 0 ? n / 1_000 + "k" : String.format(Locale.ROOT, "%,d", n);
    }
}
