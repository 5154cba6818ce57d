package org.palimpsest.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Says which point in history a list answer reflects: the one asked for, or, for a current answer, the head of
 * the event stream the projections had reached when it was read.
 */
@Component
public class Reflects {

    private final EventStore events;

    public Reflects(EventStore events) {
        this.events = events;
    }

    /** {@code {"position"}} and/or {@code {"time"}} of {@code when}, or {@code {"position": head}} for now. */
    public Map<String, Object> asOf(Optional<AsOf> when) {
        Map<String, Object> point = new LinkedHashMap<>();
        if (when.isPresent()) {
            if (when.get().position() != null) {
                point.put("position", when.get().position());
            }
            if (when.get().time() != null) {
                point.put("time", when.get().time());
            }
            return point;
        }
        TrackingToken head = events.createHeadToken();
        point.put("position", head == null ? -1 : head.position().orElse(-1));
        return point;
    }

    /** {@code answer} with an {@code asOf} field added. */
    public static Map<String, Object> with(Map<String, Object> answer, Map<String, Object> asOf) {
        Map<String, Object> copy = new LinkedHashMap<>(answer);
        copy.put("asOf", asOf);
        return copy;
    }
}
