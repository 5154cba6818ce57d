package org.palimpsest.api.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.projection.ParkedEvents;
import org.palimpsest.api.projection.ProjectionRebuilds;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.palimpsest.archive.history.ConsistencyReport;
import org.palimpsest.archive.history.ParkedEvent;
import org.palimpsest.archive.history.ProjectionComparison;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ScratchReplay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replay and projection controls for administrators: rebuilds, consistency checks, parked events. */
@RestController
class AdminController {

    private final ScratchReplay scratch;
    private final List<ProjectionComparison<?>> comparisons;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionRebuilds rebuilds;
    private final ParkedEvents parkedEvents;
    private final TokenStore tokens;

    AdminController(ScratchReplay scratch, List<ProjectionComparison<?>> comparisons,
                    EventProcessingConfiguration processing, EventStore events, ProjectionRebuilds rebuilds,
                    ParkedEvents parkedEvents, TokenStore tokens) {
        this.parkedEvents = parkedEvents;
        this.tokens = tokens;
        this.scratch = scratch;
        this.comparisons = comparisons;
        this.processing = processing;
        this.events = events;
        this.rebuilds = rebuilds;
    }

    /**
     * Starts a blue/green rebuild of one projection (202); its progress shows under {@code rebuilds} in
     * {@code GET /api/admin/projections}. 404 for a projection that cannot be rebuilt, 409 while one runs.
     */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionRebuilds.Status> rebuild(@PathVariable String name) {
        try {
            return rebuilds.start(name)
                    .map(status -> ResponseEntity.accepted().location(java.net.URI.create("/api/admin/projections")).body(status))
                    .orElseThrow(() -> new NotFoundException("no rebuildable projection " + name + "; these are: "
                            + String.join(", ", rebuilds.rebuildable())));
        } catch (IllegalStateException e) {
            throw new BadRequestException(HttpStatus.CONFLICT, "name", e.getMessage());
        }
    }

    /**
     * Replays the event stream up to the point asked (default: the head) into scratch and compares it with what
     * every versioned projection (reading views, annotations, timeline, emails) answers for that point, record by
     * record; each difference names its projection.
     */
    @GetMapping("/api/admin/consistency")
    ConsistencyReport consistency(@RequestParam(required = false) @Nullable String asOf,
                                  @RequestParam(required = false) @Nullable Long atPosition) {
        ReplayBound bound = AsOf.from(asOf, atPosition, null)
                .map(w -> new ReplayBound(w.position(), w.time()))
                .orElseGet(() -> ReplayBound.atPosition(head()));
        return scratch.check(bound, comparisons).withParked(parkedEvents.coveredBy(bound));
    }

    /**
     * Every event processor: its position per segment, how far it lags the head, its state, and the events it has
     * parked (ADR 8). Segments, position and lag are those of the segments this node works on; {@code segmentCount} is
     * how many the processor has in all, on every node (ADR 9).
     */
    @GetMapping("/api/admin/projections")
    ProjectionsAnswer projections() {
        long head = head();
        Map<String, List<ParkedEvent>> parked = parkedEvents.byProjection();
        List<ProcessorAnswer> items = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            List<ParkedEvent> itsParked = parked.getOrDefault(name, List.of());
            if (processor instanceof StreamingEventProcessor streaming) {
                long position = streaming.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
                items.add(new ProcessorAnswer(name, processor.isRunning(), processor.isError(), position,
                        Math.max(0, head - position), streaming.isReplaying(),
                        streaming.processingStatus().values().stream().map(SegmentAnswer::of).toList(),
                        tokens.fetchSegments(name).length, itsParked));
            } else {
                items.add(new ProcessorAnswer(name, processor.isRunning(), processor.isError(), null, null, null, null,
                        null, itsParked));
            }
        });
        return new ProjectionsAnswer(head, items, rebuilds.rebuildable(), rebuilds.statuses());
    }

    /**
     * Processes a parked sequence (a document id, for document events) of projection {@code name} again now, in
     * order; the answer says whether it was released or its first event failed again, and what is still parked.
     */
    @PostMapping("/api/admin/projections/{name}/dead-letters/{sequence}/retry")
    ParkedEvents.Outcome retryParked(@PathVariable String name, @PathVariable String sequence) {
        requireParking(name);
        return parkedEvents.retry(name, sequence).orElseThrow(() -> nothingParked(name, sequence));
    }

    /**
     * Skips the first parked event of a sequence (the one that failed): it is evicted, never applied, with who and why
     * in the log; then the events queued behind it are processed as a retry does. Needs {@code {"reason"}}.
     */
    @PostMapping("/api/admin/projections/{name}/dead-letters/{sequence}/skip")
    ParkedEvents.Outcome skipParked(@PathVariable String name, @PathVariable String sequence,
                                    @RequestBody(required = false) @Nullable SkipJson body, Principal caller) {
        requireParking(name);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw BadRequestException.bodyField("reason", null, "say why the event is skipped: {\"reason\": \"...\"}");
        }
        if (reason.length() > SkipJson.MAX_REASON) {
            throw BadRequestException.bodyField("reason", null, "reason is limited to " + SkipJson.MAX_REASON + " characters");
        }
        return parkedEvents.skip(name, sequence, reason, caller.getName()).orElseThrow(() -> nothingParked(name, sequence));
    }

    private void requireParking(String name) {
        if (!parkedEvents.parks(name)) {
            throw new NotFoundException("no projection " + name + " parks events; these do: "
                    + String.join(", ", parkedEvents.byProjection().keySet()));
        }
    }

    private static NotFoundException nothingParked(String name, String sequence) {
        return new NotFoundException("projection " + name + " holds no parked event of " + sequence);
    }

    /** Why an administrator skips a parked event; it goes to the log with their name. */
    record SkipJson(@Nullable String reason) {
        static final int MAX_REASON = 2000;
    }

    /** {@code GET /api/admin/projections}. */
    record ProjectionsAnswer(long head, List<ProcessorAnswer> items, List<String> rebuildable,
                             Map<String, ProjectionRebuilds.Status> rebuilds) {
    }

    /**
     * One event processor; position, lag, replaying and segments only for a streaming one, and those of the segments
     * this node works on; {@code segmentCount} is how many segments the processor has on all nodes together.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcessorAnswer(String name, boolean running, boolean error, @Nullable Long position, @Nullable Long lag,
                           @Nullable Boolean replaying, @Nullable List<SegmentAnswer> segments,
                           @Nullable Integer segmentCount, List<ParkedEvent> parked) {
    }

    record SegmentAnswer(int segment, long position, boolean caughtUp, boolean replaying, @Nullable String error) {

        static SegmentAnswer of(EventTrackerStatus status) {
            return new SegmentAnswer(status.getSegment().getSegmentId(), status.getCurrentPosition().orElse(-1),
                    status.isCaughtUp(), status.isReplaying(),
                    status.isErrorState() ? String.valueOf(status.getError()) : null);
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }
}
