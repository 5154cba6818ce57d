package org.palimpsest.api.cli.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.document.DocumentImported;
import org.palimpsest.archive.document.DocumentReimported;
import org.palimpsest.archive.document.DocumentSource;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.palimpsest.archive.provenance.Actors;

/**
 * As-of reads against history length: one document per size whose every event is a new version (re-imports
 * alternating between two texts), then reads at random positions within each history.
 */
final class AsOfBench {

    /** The latencies of as-of reads of a document with {@code versions} versions. */
    record AtLength(int versions, Latencies latencies) {
    }

    private final EventStorageEngine engine;
    private final QueryGateway queries;
    private final Processors processors;
    private final Progress progress;

    AsOfBench(EventStorageEngine engine, QueryGateway queries, Processors processors, Progress progress) {
        this.engine = engine;
        this.queries = queries;
        this.processors = processors;
        this.progress = progress;
    }

    List<AtLength> measure(List<Integer> lengths, int reads, Random random) {
        long from = processors.head();
        List<String> documents = new ArrayList<>();
        for (int versions : lengths) {
            progress.step(String.format("as-of: writing a document with %,d versions", versions));
            String id = UUID.randomUUID().toString();
            append(id, versions);
            documents.add(id);
        }
        progress.step("as-of: projecting the histories");
        processors.awaitHead(progress, "slowest processor", from);
        List<AtLength> results = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            progress.step(String.format("as-of: %,d reads of the document with %,d versions", reads, lengths.get(i)));
            results.add(new AtLength(lengths.get(i), latencies(documents.get(i), lengths.get(i), reads, random)));
        }
        return results;
    }

    private void append(String id, int events) {
        String a = "# Bench\n\nDana Whitlock met the board in early 2017. █████ <redacted>\n\n- **2018년 2월**: 이사회.\n";
        String b = a.replace("early 2017", "late 2017");
        DocumentSource source = new DocumentSource("https://example.org/bench/" + id, "bench", Instant.now());
        MetaData actor = MetaData.with(Actors.METADATA_KEY, "cli:bench");
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int seq = 0; seq < events; seq++) {
            String text = seq % 2 == 1 ? b : a;
            Object payload = seq == 0
                    ? new DocumentImported(id, source, "Bench " + events, "en", "2024-03-06", a, ContentHash.of(a), "cli:bench")
                    : new DocumentReimported(id, source, "Bench " + events, "en", "2024-03-06", text, ContentHash.of(text),
                    seq, "cli:bench");
            batch.add(new GenericDomainEventMessage<>("Document", id, seq, payload, actor));
            if (batch.size() == 500 || seq == events - 1) {
                engine.appendEvents(batch);
                batch = new ArrayList<>();
                progress.count("appended", seq + 1, events);
            }
        }
    }

    private Latencies latencies(String id, int versions, int reads, Random random) {
        ReadingView now = queries.query(new FindReadingViewAsOf(id, Long.MAX_VALUE, null),
                ResponseTypes.optionalInstanceOf(ReadingView.class)).join().orElseThrow();
        long last = now.asOf().position();
        long first = last - versions + 1;
        double[] millis = new double[reads];
        for (int q = -20; q < reads; q++) {
            long position = first + (long) (random.nextDouble() * versions);
            Stopwatch watch = Stopwatch.start();
            queries.query(new FindReadingViewAsOf(id, position, null), ResponseTypes.optionalInstanceOf(ReadingView.class)).join();
            if (q >= 0) {
                millis[q] = watch.millis();
            }
        }
        return Latencies.of(millis);
    }
}
