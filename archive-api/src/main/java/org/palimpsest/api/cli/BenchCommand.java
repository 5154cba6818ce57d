package org.palimpsest.api.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.extraction.names.NameCatalog;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.history.ReadingViewConsistency;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ReplayEngine;
import org.palimpsest.archive.projection.email.EmailProjection;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.projection.reading.ReadingViewProjection;
import org.palimpsest.archive.projection.timeline.TimelineProjection;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures, in one run on a scratch archive, what the history features cost as history grows.
 * Ratios between sizes measured in the same run are what to compare; absolute times depend on the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure as-of read latency against history length, rebuild and consistency-check time.")
final class BenchCommand implements Callable<Integer> {

    private static final int[] SIZES = {10, 1_000, 10_000};

    @Option(names = "--queries", defaultValue = "300", description = "as-of reads per document (default ${DEFAULT-VALUE})")
    int queries;

    @Override
    public Integer call() throws Exception {
        Path dataDir = Files.createTempDirectory("palimpsest-bench");
        System.out.println("bench: scratch archive in " + dataDir);
        try (ConfigurableApplicationContext archive = OfflineArchive.start("--palimpsest.data-dir=" + dataDir,
                "--spring.mongodb.uri=", "--palimpsest.read-timeout=30m")) {
            EventStorageEngine engine = archive.getBean(EventStorageEngine.class);
            List<String> documents = new ArrayList<>();
            long total = 0;
            for (int size : SIZES) {
                String id = UUID.randomUUID().toString();
                System.out.printf("bench: writing a document with %,d events%n", size);
                append(engine, id, size);
                documents.add(id);
                total += size;
            }
            long started = System.nanoTime();
            awaitProjections(archive);
            double projectSeconds = seconds(started);

            QueryGateway queries = archive.getBean(QueryGateway.class);
            Random random = new Random(42);
            double[][] latencies = new double[SIZES.length][];
            for (int i = 0; i < SIZES.length; i++) {
                latencies[i] = asOfLatencies(queries, documents.get(i), SIZES[i], random);
            }

            MongoClient client = archive.getBean(MongoClient.class);
            MongoDatabase live = archive.getBean(MongoDatabase.class);
            // Written as the live projections are: the rebuild's cost, not one durable commit per write.
            MongoDatabase scratch = client.getDatabase(live.getName() + "_bench_rebuild")
                    .withWriteConcern(archive.getBean("projectionDatabase", MongoDatabase.class).getWriteConcern());
            started = System.nanoTime();
            archive.getBean(ReplayEngine.class).replay(ReplayBound.asOf(Instant.now()), new ReadingViewProjection(scratch),
                    new TimelineProjection(scratch, archive.getBean(NameCatalog.class)),
                    new EmailProjection(scratch, name -> java.util.Optional.empty()));
            double rebuildSeconds = seconds(started);
            scratch.drop();

            started = System.nanoTime();
            boolean consistent = archive.getBean(ReadingViewConsistency.class).check(ReplayBound.asOf(Instant.now())).consistent();
            double checkSeconds = seconds(started);

            System.out.println("bench: measuring durable acknowledgement on scratch stores");
            DurabilityBench.Rates durable = DurabilityBench.measure(dataDir.resolve("durability"));

            System.out.println();
            System.out.println("history   as-of p50 (ms)   as-of p99 (ms)");
            for (int i = 0; i < SIZES.length; i++) {
                System.out.printf("%7d   %14.3f   %14.3f%n", SIZES[i], percentile(latencies[i], 50), percentile(latencies[i], 99));
            }
            double ratio50 = percentile(latencies[2], 50) / percentile(latencies[0], 50);
            double ratio99 = percentile(latencies[2], 99) / percentile(latencies[0], 99);
            System.out.printf("%nas-of p50 ratio 10,000 : 10 events = %.2f (target <= 2) %s%n", ratio50, ratio50 <= 2 ? "PASS" : "FAIL");
            System.out.printf("as-of p99 ratio 10,000 : 10 events = %.2f%n", ratio99);
            System.out.printf("live projection of %,d events: %.1f s (%.0f events/s, all processors)%n", total, projectSeconds, total / projectSeconds);
            System.out.printf("rebuild of reading views, timeline and emails: %.1f s per 10,000 events%n", rebuildSeconds * 10_000 / total);
            System.out.printf("consistency check of the whole log: %.1f s (%s)%n", checkSeconds, consistent ? "consistent" : "INCONSISTENT");
            System.out.printf("acknowledged inserts/s, raw driver, 1 writer: %.0f with background commits (not durable),"
                    + " %.0f committed before the answer, %.0f also forced to disk (ratio %.2f); 4 writers forced: %.0f (%s)%n",
                    durable.backgroundOne(), durable.committedOne(), durable.forcedOne(),
                    durable.forcedOne() / durable.backgroundOne(), durable.forcedFour(), durable.forcedCommits());
            return ratio50 <= 2 && consistent ? 0 : 1;
        }
    }

    /** Waits for every processor to reach the head, saying how far they are every few seconds. */
    private static void awaitProjections(ConfigurableApplicationContext archive) {
        org.axonframework.config.EventProcessingConfiguration processing =
                archive.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        long head = archive.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).createHeadToken()
                .position().orElse(0);
        while (true) {
            long slowest = processing.eventProcessors().values().stream()
                    .filter(org.axonframework.eventhandling.StreamingEventProcessor.class::isInstance)
                    .map(org.axonframework.eventhandling.StreamingEventProcessor.class::cast)
                    .mapToLong(p -> p.processingStatus().values().stream()
                            .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1))
                    .min().orElse(head);
            System.out.printf("bench: projecting, slowest processor at %,d of %,d%n", Math.max(0, slowest), head);
            if (slowest >= head) {
                return;
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One import, then re-imports alternating between two texts, so every event makes a new version. */
    private static void append(EventStorageEngine engine, String id, int events) {
        String a = "# Bench\n\nDana Whitlock met the board in early 2017. █████ <redacted>\n\n- **2018년 2월**: 이사회.\n";
        String b = a.replace("early 2017", "late 2017");
        DocumentSource source = new DocumentSource("https://example.org/bench/" + id, "bench", Instant.now());
        MetaData actor = MetaData.with(Actors.METADATA_KEY, "bench");
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int seq = 0; seq < events; seq++) {
            Object payload = seq == 0
                    ? new DocumentImported(id, source, "Bench " + events, "en", "2024-03-06", a, ContentHash.of(a), "bench")
                    : new DocumentReimported(id, source, "Bench " + events, "en", "2024-03-06", seq % 2 == 1 ? b : a,
                    ContentHash.of(seq % 2 == 1 ? b : a), seq, "bench");
            batch.add(new GenericDomainEventMessage<>("Document", id, seq, payload, actor));
            if (batch.size() == 500) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }

    private double[] asOfLatencies(QueryGateway queries, String id, int size, Random random) {
        ReadingView now = queries.query(new FindReadingViewAsOf(id, Long.MAX_VALUE, null),
                ResponseTypes.optionalInstanceOf(ReadingView.class)).join().orElseThrow();
        long last = now.asOf().position();
        long first = last - size + 1;
        double[] millis = new double[this.queries];
        for (int q = -20; q < millis.length; q++) {
            long position = first + (long) (random.nextDouble() * size);
            long started = System.nanoTime();
            queries.query(new FindReadingViewAsOf(id, position, null), ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
            if (q >= 0) {
                millis[q] = (System.nanoTime() - started) / 1e6;
            }
        }
        return millis;
    }


    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }
}
