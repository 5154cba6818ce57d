package org.palimpsest.api.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.archive.history.ConsistencyReport;
import org.palimpsest.archive.history.ProjectionComparison;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ScratchReplay;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify}: replays the events into scratch and checks that every versioned projection (reading views,
 * annotations, timeline, emails) agrees. Exit 1 if not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Replay the event log into scratch and compare with the versioned reading views, annotations, timeline and emails.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--as-of", description = "an ISO-8601 instant; default: the whole log")
    Instant asOf;

    @Option(names = "--at-position", description = "a global event index")
    Long atPosition;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext archive = OfflineArchive.start()) {
            archive.getBean(ReadYourWrites.class).await();
            ReplayBound bound = atPosition != null ? ReplayBound.atPosition(atPosition)
                    : ReplayBound.asOf(asOf != null ? asOf : Instant.now());
            List<ProjectionComparison<?>> comparisons = archive.getBeanProvider(ProjectionComparison.class).orderedStream()
                    .<ProjectionComparison<?>>map(c -> c).toList();
            ConsistencyReport report = archive.getBean(ScratchReplay.class).check(bound, comparisons)
                    .withParked(archive.getBean(ParkedEvents.class).coveredBy(bound));
            System.out.printf("%s: %d records of %s compared up to position %d, %d differences, %d parked events%n",
                    report.consistent() ? "consistent" : "INCONSISTENT", report.documents(),
                    comparisons.stream().map(ProjectionComparison::projection).toList(), report.position(),
                    report.differences().size(), report.parked().size());
            report.parked().forEach(p -> System.out.printf("  parked in %s: %s %s at position %s since %s: %s: %s%n",
                    p.projection(), p.sequence(), p.eventType(), p.position(), p.parkedAt(), p.errorType(),
                    p.errorMessage()));
            report.differences().forEach(d -> System.out.printf("  %s %s %s: live=%s replayed=%s%n",
                    d.projection(), d.documentId(), d.field(), d.live(), d.replayed()));
            return report.consistent() ? ExitStatus.DONE : ExitStatus.REFUSED;
        }
    }
}
