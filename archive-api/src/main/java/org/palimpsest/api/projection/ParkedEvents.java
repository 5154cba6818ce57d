package org.palimpsest.api.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.history.ParkedEvent;
import org.palimpsest.archive.history.ReplayBound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What administrators and readers see of parked events, and what administrators do with them: retry a sequence now,
 * or skip its first event and apply the rest. Both run in the caller's thread on the processing group's own
 * dead-lettering invoker, so the handlers, interceptors and policy are the live projection's.
 */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);
    /**
     * Axon's queue can leave a letter behind when the live processor queues an event for the sequence just as a retry
     * evicts its last letter; passes over the sequence until it is empty or stuck, at most this many.
     */
    private static final int PASSES = 3;

    /** A document's views lag in one projection: since when, and why. */
    public record Behind(String projection, Instant since, @Nullable String error, int parked) {
    }

    /** What a retry or skip did to a sequence. */
    public record Outcome(String projection, String sequence, Result result, int applied, int skipped,
                          List<ParkedEvent> stillParked) {
    }

    /** {@code released}: nothing of the sequence is parked any more; {@code parked}: its first event failed again. */
    public enum Result {
        released, parked
    }

    private final DeadLetters letters;
    private final EventProcessingConfiguration processing;

    public ParkedEvents(DeadLetters letters, EventProcessingConfiguration processing) {
        this.letters = letters;
        this.processing = processing;
    }

    /** The processing groups that park events, with what each has parked. */
    public Map<String, List<ParkedEvent>> byProjection() {
        Map<String, List<ParkedEvent>> parked = new LinkedHashMap<>();
        processing.eventProcessors().keySet().stream().sorted()
                .filter(group -> processing.sequencedDeadLetterProcessor(group).isPresent())
                .forEach(group -> parked.put(group, letters.parked(group)));
        return parked;
    }

    public boolean parks(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup).isPresent();
    }

    /** Where {@code documentId}'s views are behind now: one entry per projection holding parked events of it. */
    public List<Behind> behind(String documentId) {
        return behind(documentId, null, null);
    }

    /**
     * Where {@code documentId}'s views as of {@code position} or {@code time} are behind: only events parked at or
     * before that point make an answer about it incomplete.
     */
    public List<Behind> behind(String documentId, @Nullable Long position, @Nullable Instant time) {
        Map<String, List<ParkedEvent>> byGroup = new LinkedHashMap<>();
        letters.parkedInSequence(documentId).stream()
                .filter(p -> parks(p.projection()))
                .filter(p -> position == null || p.position() == null || p.position() <= position)
                .filter(p -> time == null || !p.eventTime().isAfter(time))
                .forEach(p -> byGroup.computeIfAbsent(p.projection(), g -> new ArrayList<>()).add(p));
        return byGroup.values().stream().map(sequence -> {
            ParkedEvent first = sequence.get(0);
            String error = first.errorType() == null ? null
                    : first.errorType() + (first.errorMessage() == null ? "" : ": " + first.errorMessage());
            return new Behind(first.projection(), first.parkedAt(), error, sequence.size());
        }).toList();
    }

    /** Parked events a replay up to {@code bound} covers, for the consistency check. */
    public List<ParkedEvent> coveredBy(ReplayBound bound) {
        return letters.all().stream()
                .filter(p -> parks(p.projection()))
                .filter(p -> bound.position() != null
                        ? p.position() == null || p.position() <= bound.position()
                        : !p.eventTime().isAfter(bound.time()))
                .sorted(Comparator.comparing(ParkedEvent::projection).thenComparing(ParkedEvent::sequence)
                        .thenComparingLong(ParkedEvent::index))
                .toList();
    }

    /**
     * Processes {@code sequence}'s parked events again, in order, stopping at the first that fails again.
     *
     * @return empty when the group parks nothing or holds nothing of that sequence
     */
    public Optional<Outcome> retry(String group, String sequence) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processing.sequencedDeadLetterProcessor(group);
        if (processor.isEmpty() || sequenceOf(group, sequence).isEmpty()) {
            return Optional.empty();
        }
        int before = sequenceOf(group, sequence).size();
        process(processor.get(), group, sequence);
        return Optional.of(outcome(group, sequence, before, 0));
    }

    /**
     * Evicts {@code sequence}'s first parked event, the one that failed, saying who and why in the log, then processes
     * the events queued behind it as {@link #retry} does. The projection never sees the skipped event: its view of
     * that document stays without it until the projection is rebuilt.
     *
     * @return empty when the group parks nothing or holds nothing of that sequence
     */
    public Optional<Outcome> skip(String group, String sequence, String reason, String actor) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processing.sequencedDeadLetterProcessor(group);
        List<ParkedEvent> parked = sequenceOf(group, sequence);
        if (processor.isEmpty() || parked.isEmpty()) {
            return Optional.empty();
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = letters.queue(group);
        DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence(sequence).iterator().next();
        queue.evict(first);
        ParkedEvent skipped = parked.get(0);
        log.warn("{} skipped the parked {} at position {} of {} in projection {} (parked for: {}: {}); reason: {}. "
                        + "The projection's view of {} lacks it until the projection is rebuilt.",
                actor, skipped.eventType(), skipped.position(), sequence, group, skipped.errorType(),
                skipped.errorMessage(), reason, sequence);
        int before = parked.size() - 1;
        if (before > 0) {
            process(processor.get(), group, sequence);
        }
        return Optional.of(outcome(group, sequence, before, 1));
    }

    private void process(SequencedDeadLetterProcessor<EventMessage<?>> processor, String group, String sequence) {
        for (int pass = 0; pass < PASSES; pass++) {
            boolean all = processor.process(letter -> letter instanceof MongoDeadLetter<?> mongo
                    && sequence.equals(mongo.sequenceIdentifier()));
            if (!all || sequenceOf(group, sequence).isEmpty()) {
                return;
            }
        }
    }

    private Outcome outcome(String group, String sequence, int before, int skipped) {
        List<ParkedEvent> still = sequenceOf(group, sequence);
        return new Outcome(group, sequence, still.isEmpty() ? Result.released : Result.parked,
                Math.max(0, before - still.size()), skipped, still);
    }

    private List<ParkedEvent> sequenceOf(String group, String sequence) {
        return letters.parkedInSequence(sequence).stream().filter(p -> p.projection().equals(group)).toList();
    }
}
