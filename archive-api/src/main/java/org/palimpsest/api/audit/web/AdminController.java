package org.palimpsest.api.audit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.projection.ProjectionRebuilds;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.palimpsest.archive.history.ConsistencyReport;
import org.palimpsest.archive.history.ProjectionComparison;
import org.palimpsest.archive.history.ReplayBound;
import org.palimpsest.archive.history.ScratchReplay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replay and projection controls for administrators. */
@RestController
class AdminController {

    private final ScratchReplay scratch;
    private final List<ProjectionComparison<?>> comparisons;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionRebuilds rebuilds;

    AdminController(ScratchReplay scratch, List<ProjectionComparison<?>> comparisons,
                    EventProcessingConfiguration processing, EventStore events, ProjectionRebuilds rebuilds) {
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
        return scratch.check(bound, comparisons);
    }

    /** Every event processor: its position per segment, how far it lags the head, and its state. */
    @GetMapping("/api/admin/projections")
    Map<String, Object> projections() {
        long head = head();
        List<Map<String, Object>> items = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            item.put("running", processor.isRunning());
            item.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                long position = streaming.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
                item.put("position", position);
                item.put("lag", Math.max(0, head - position));
                item.put("replaying", streaming.isReplaying());
                item.put("segments", streaming.processingStatus().values().stream().map(AdminController::segment).toList());
            }
            items.add(item);
        });
        return Map.of("head", head, "items", items, "rebuildable", rebuilds.rebuildable(), "rebuilds", rebuilds.statuses());
    }

    private static Map<String, Object> segment(EventTrackerStatus status) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("segment", status.getSegment().getSegmentId());
        segment.put("position", status.getCurrentPosition().orElse(-1));
        segment.put("caughtUp", status.isCaughtUp());
        segment.put("replaying", status.isReplaying());
        segment.put("error", status.isErrorState() ? String.valueOf(status.getError()) : null);
        return segment;
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }
}
