package org.palimpsest.api.annotation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.projection.AnnotationVersion;
import org.palimpsest.annotations.projection.AnnotationView;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.api.web.Preconditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An annotation's history: every version with who made it, when, and what changed; and any version as the exact
 * JSON-LD the annotation had then (with that version's ETag).
 */
@RestController
@RequestMapping("/annotations/{id}/versions")
class AnnotationVersionController {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final AnnotationReads reads;
    private final AnnotationResponses responses;
    private final RoleHierarchy roles;

    AnnotationVersionController(AnnotationReads reads, AnnotationResponses responses, RoleHierarchy roles) {
        this.reads = reads;
        this.responses = responses;
        this.roles = roles;
    }

    /** One line of the history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionLine(String id, long version, String actor, Instant time, String change, List<String> changed,
                       @Nullable String reason, boolean byModerator) {
    }

    /** The history, oldest first. */
    record History(String id, long current, List<VersionLine> items, int total) {
    }

    @GetMapping
    ResponseEntity<History> list(@PathVariable String id) {
        AnnotationView view = reads.history(id, Caller.current(roles));
        WebAnnotationIris iris = responses.iris();
        String annotation = iris.annotation(id);
        List<VersionLine> lines = reads.versions(id).stream()
                .map(v -> new VersionLine(annotation + "/versions/" + v.version(), v.version(), v.actor(), v.time(),
                        v.change(), v.changed(), v.reason(), v.byModerator()))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LINK, "<" + annotation + ">; rel=\"original\"")
                .body(new History(annotation, view.state().version(), lines, lines.size()));
    }

    /** Version {@code n} exactly as {@code GET /annotations/{id}} answered while it was current. */
    @GetMapping("/{version}")
    ResponseEntity<?> version(@PathVariable String id, @PathVariable long version,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        reads.history(id, Caller.current(roles));
        AnnotationVersion found = reads.version(id, version).orElseThrow(() ->
                new NotFoundException("annotation " + id + " has no version " + version));
        HttpHeaders headers = AnnotationResponses.annotationHeaders(found.version(), type,
                AnnotationResponses.VERSION_ALLOW);
        // RFC 7089: this is a memento of the annotation, made at that time.
        headers.set("Memento-Datetime", HTTP_DATE.format(found.time()));
        headers.add(HttpHeaders.LINK, "<" + responses.iris().annotation(id) + ">; rel=\"original\"");
        if (Preconditions.of(ifMatch, ifNoneMatch).notModified(EntityTags.tag(found.version()))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(responses.render(found));
    }
}
