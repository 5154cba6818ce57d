package org.palimpsest.api.projection;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.projection.Generation;
import org.palimpsest.archive.projection.ProjectionBatchFlush;
import org.palimpsest.archive.projection.ProjectionGenerations;
import org.palimpsest.archive.projection.Rebuildable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Blue/green rebuilds. A temporary processor with a fresh token projects the whole log into the next
 * generation's collections while the live projection keeps answering. Once it has caught up, the live processor
 * stops, the rebuild catches up with the head, the live processor's token is moved to the rebuild's position,
 * the live projection adopts the new collections in one step and the live processor starts again; the old
 * collections are dropped last. No read ever meets an empty or half-built view. Events the rebuild cannot apply are
 * parked in its own dead-letter queue, whose letters become the live projection's with the collections.
 *
 * <p>The live processor may be split into segments (ADR 9): the rebuild is split the same way, one thread per segment,
 * so that it works on as many documents at once as the live processor does and the store's work for one segment runs
 * while another's handlers run. When it is done, the lowest of its segments' positions becomes the token of each live
 * segment: a segment that was further on redoes a few events, which the projections recognise and skip. A rebuild runs
 * on one node: the others' projections would keep writing the generation it replaces, so it is refused while another
 * node holds a segment of the projection.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * Events per unit of work of a rebuild: a generational projection writes each batch with one bulk write per
     * collection, flushed by {@link ProjectionBatchFlush} before the token is stored.
     */
    private static final int BATCH = 100;

    /** Where a rebuild stands. */
    public record Status(String processingGroup, String state, int generation, long position, long head,
                         Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {
    }

    private final Map<String, Rebuildable> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;
    private final ProjectionGenerations generations;
    private final MongoDatabase database;
    private final DeadLetters deadLetters;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new CopyOnWriteArrayList<>();

    public ProjectionRebuilds(List<Rebuildable> projections, EventProcessingConfiguration processing, EventStore events,
                              TokenStore tokens, ProjectionGenerations generations, MongoDatabase archiveDatabase,
                              DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.projections = projections.stream().collect(Collectors.toMap(Rebuildable::processingGroup, Function.identity()));
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.generations = generations;
        this.database = archiveDatabase;
    }

    public List<String> rebuildable() {
        return projections.keySet().stream().sorted().toList();
    }

    public Map<String, Status> statuses() {
        return Map.copyOf(statuses);
    }

    /**
     * Adds an interceptor around every event the rebuild processors started from now on handle (to time a rebuild,
     * trace it, or hold it part-way and look at the live views meanwhile).
     *
     * @return cancels it for rebuilds started afterwards
     */
    public Registration registerRebuildInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        interceptors.add(interceptor);
        return () -> interceptors.remove(interceptor);
    }

    /**
     * Starts rebuilding {@code group} in the background.
     *
     * @return empty when no such projection can be rebuilt
     * @throws IllegalStateException when a rebuild of it is already running, or another node works on it
     */
    public synchronized Optional<Status> start(String group) {
        Rebuildable live = projections.get(group);
        if (live == null) {
            return Optional.empty();
        }
        Status running = statuses.get(group);
        if (running != null && running.finishedAt() == null) {
            throw new IllegalStateException("a rebuild of " + group + " is already running");
        }
        requireNoOtherNode(group);
        Generation next = live.generation().next();
        Status status = new Status(group, "building", next.number(), -1, head(), Instant.now(), null, null);
        statuses.put(group, status);
        Thread worker = new Thread(() -> run(live, next), "rebuild-" + group);
        worker.setDaemon(true);
        worker.start();
        return Optional.of(status);
    }

    private void run(Rebuildable live, Generation next) {
        String group = live.processingGroup();
        Generation old = live.generation();
        drop(live.collections(next));
        Rebuildable fresh = live.fresh(next);
        String name = group + "-rebuild-g" + next.number();
        int segments = Math.max(1, tokens.fetchSegments(group).length);
        // The rebuild parks what it cannot apply as the live projection does (ADR 8), in a queue of its own, so one
        // poison event neither stalls it nor fails it; the live projection adopts those letters with the collections.
        TrackingEventProcessor rebuild = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(DeadLetteringEventHandlerInvoker.builder()
                        .eventHandlers(fresh)
                        .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                        .queue(deadLetters.queue(name))
                        .enqueuePolicy(DeadLetters.parkingPolicy())
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(BATCH)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        rebuild.registerHandlerInterceptor(new ProjectionBatchFlush());
        interceptors.forEach(rebuild::registerHandlerInterceptor);
        StreamingEventProcessor liveProcessor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        try {
            log.info("rebuild of {}: projecting the whole log into generation {}", group, next.number());
            rebuild.start();
            catchUp(group, next, rebuild, segments);
            liveProcessor.shutDown();
            requireNoOtherNode(group);
            catchUp(group, next, rebuild, segments);
            TrackingToken reached = lowest(rebuild);
            rebuild.shutDown();
            // The generation is switched before the token is moved: a crash between the two leaves the new
            // collections with the live processor's older token, and it redoes events the rebuild has already
            // applied (skipped by position). The other order would leave the old collections with a token past
            // events they never saw.
            generations.adopt(group, next);
            live.adopt(fresh);
            deadLetters.handOver(name, group);
            for (int segment : tokens.fetchSegments(group)) {
                tokens.storeToken(reached, group, segment);
                tokens.releaseClaim(group, segment);
            }
            liveProcessor.start();
            drop(live.collections(old));
            finish(group, "done", null);
            log.info("rebuild of {}: generation {} adopted, generation {} dropped", group, next.number(), old.number());
        } catch (RuntimeException e) {
            log.error("rebuild of {} failed; the live projection keeps generation {}", group, old.number(), e);
            rebuild.shutDown();
            if (!liveProcessor.isRunning()) {
                liveProcessor.start();
            }
            if (live.generation().equals(old)) {
                drop(live.collections(next));
                deadLetters.discard(name);
            }
            finish(group, "failed", e.getMessage());
        }
    }

    /**
     * Refuses to rebuild {@code group} while a segment of it is claimed by another node: that node would go on
     * projecting into, and answering from, the generation the rebuild replaces and then drops.
     */
    private void requireNoOtherNode(String group) {
        int segments = Math.max(1, tokens.fetchSegments(group).length);
        int free = tokens.fetchAvailableSegments(group).size();
        if (free < segments) {
            throw new IllegalStateException(String.format("%d of the %d segments of %s are claimed by other nodes;"
                    + " a rebuild runs on one node: stop the others first (ADR 9)", segments - free, segments, group));
        }
    }

    /**
     * The position every segment of the rebuild has reached: the lowest of their tokens, which covers every event each
     * segment applied (and a few more for those further on, which they will meet again and skip).
     */
    private static TrackingToken lowest(TrackingEventProcessor rebuild) {
        return rebuild.processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken)
                .reduce(TrackingToken::lowerBound)
                .orElseThrow(() -> new IllegalStateException("the rebuild processor holds no segment"));
    }

    /** Waits until every segment of the rebuild has processed everything appended so far, reporting its position. */
    private void catchUp(String group, Generation next, TrackingEventProcessor rebuild, int segments) {
        long target = head();
        while (true) {
            long position = rebuild.processingStatus().values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            Status status = statuses.get(group);
            statuses.put(group, new Status(group, "building", next.number(), position, target, status.startedAt(), null, null));
            boolean everySegment = rebuild.processingStatus().size() == segments;
            boolean caughtUp = everySegment && rebuild.processingStatus().values().stream().allMatch(s -> s.isCaughtUp());
            // Caught up also covers a head that is only a gap (an append that failed at the very end).
            if (everySegment && (position >= target || (caughtUp && position >= 0))) {
                return;
            }
            if (rebuild.isError()) {
                throw new IllegalStateException("the rebuild processor failed; see the log");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }
    }

    private void finish(String group, String state, @Nullable String error) {
        Status status = statuses.get(group);
        statuses.put(group, new Status(group, state, status.generation(), status.position(), status.head(),
                status.startedAt(), Instant.now(), error));
    }

    /** Drops those of {@code names} that exist (leftovers of a failed rebuild, or the generation just replaced). */
    private void drop(List<String> names) {
        java.util.Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        names.stream().filter(existing::contains).forEach(name -> database.getCollection(name).drop());
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
