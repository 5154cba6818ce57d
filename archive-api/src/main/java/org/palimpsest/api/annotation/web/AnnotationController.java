package org.palimpsest.api.annotation.web;

import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.DeleteAnnotation;
import org.palimpsest.annotations.annotation.HideAnnotation;
import org.palimpsest.annotations.annotation.InvalidAnnotationException;
import org.palimpsest.annotations.annotation.RestoreAnnotation;
import org.palimpsest.annotations.annotation.UnhideAnnotation;
import org.palimpsest.annotations.projection.AnnotationView;
import org.palimpsest.annotations.webannotation.AnnotationInput;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.annotations.annotation.AnnotationDeletedException;
import org.palimpsest.api.web.AsOf;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One annotation, W3C protocol style: read it, replace it (PUT with {@code If-Match}), delete it (a tombstone: 410
 * afterwards), restore it; and moderation, hiding it from readers and showing it again. Every change names the
 * version it was made against and answers with the new one as {@code ETag}.
 */
@RestController
@RequestMapping("/annotations/{id}")
class AnnotationController {

    private final CommandGateway commands;
    private final AnnotationReads reads;
    private final AnnotationResponses responses;
    private final RoleHierarchy roles;

    AnnotationController(CommandGateway commands, AnnotationReads reads, AnnotationResponses responses,
                         RoleHierarchy roles) {
        this.commands = commands;
        this.reads = reads;
        this.responses = responses;
        this.roles = roles;
    }

    /**
     * The annotation now: 410 when deleted; a hidden one only for its creator and moderators (404 for others).
     * With {@code asOf}, {@code atPosition} or {@code Accept-Datetime} (RFC 7089), the version current then.
     */
    @GetMapping
    ResponseEntity<?> get(@PathVariable String id,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                          @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
                          @RequestParam(required = false) @Nullable String asOf,
                          @RequestParam(required = false) @Nullable Long atPosition,
                          @RequestHeader(value = "Accept-Datetime", required = false) @Nullable String acceptDatetime) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        java.util.Optional<AsOf> when = AsOf.from(asOf, atPosition, acceptDatetime);
        if (when.isPresent()) {
            return memento(id, when.get(), type);
        }
        AnnotationView view = reads.current(id, Caller.current(roles));
        long version = view.state().version();
        HttpHeaders headers = AnnotationResponses.annotationHeaders(version, type, AnnotationResponses.ANNOTATION_ALLOW);
        if (EntityTags.matchesNone(ifNoneMatch, version)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(responses.render(view));
    }

    /** The version current at {@code when}, with Memento headers; 404 before it existed, 410 while deleted. */
    private ResponseEntity<?> memento(String id, AsOf when, MediaType type) {
        reads.history(id, Caller.current(roles));
        org.palimpsest.annotations.projection.AnnotationVersion found = reads.versionAsOf(id, when).orElseThrow(() ->
                new org.palimpsest.api.web.NotFoundException("annotation " + id + " did not exist at that point"));
        if (found.state().deleted()) {
            throw new AnnotationDeletedException(id, found.state().version());
        }
        HttpHeaders headers = AnnotationResponses.annotationHeaders(found.state().version(), type,
                AnnotationResponses.VERSION_ALLOW);
        headers.set("Memento-Datetime", AsOf.httpDate(found.time()));
        headers.add(HttpHeaders.LINK, "<" + responses.iris().annotation(id) + ">; rel=\"original timegate\"");
        headers.add(HttpHeaders.LINK, "<" + responses.iris().annotation(id) + "/timemap>; rel=\"timemap\"");
        headers.add(HttpHeaders.VARY, "Accept-Datetime");
        return ResponseEntity.ok().headers(headers).body(responses.render(found));
    }

    /** RFC 7089 TimeMap of the annotation: every version, each readable at {@code /versions/{n}}. */
    @GetMapping(value = "/timemap", produces = "application/link-format")
    String timemap(@PathVariable String id) {
        reads.history(id, Caller.current(roles));
        String iri = responses.iris().annotation(id);
        StringBuilder map = new StringBuilder("<" + iri + ">; rel=\"original timegate\",\n<" + iri
                + "/timemap>; rel=\"self\"; type=\"application/link-format\"");
        for (org.palimpsest.annotations.projection.AnnotationVersion v : reads.versions(id)) {
            map.append(",\n<").append(iri).append("/versions/").append(v.state().version())
                    .append(">; rel=\"memento\"; datetime=\"").append(AsOf.httpDate(v.time())).append('"');
        }
        return map.append('\n').toString();
    }

    @PutMapping(consumes = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = AnnotationLimits.DESCRIPTION)
    ResponseEntity<?> revise(@PathVariable String id, @RequestBody Map<String, Object> body,
                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        long expected = EntityTags.expectedVersion(ifMatch);
        Caller caller = Caller.current(roles);
        reads.target(id, caller);
        if (body.get("id") instanceof String iri && responses.iris().annotationId(iri).filter(id::equals).isEmpty()
                && (iri.startsWith("/") || iri.startsWith(responses.iris().base()))) {
            throw new InvalidAnnotationException("id", "the body describes another annotation (" + iri + ")");
        }
        AnnotationInput input = responses.parser().parse(body);
        return decide(id, input.revise(id, expected, caller.account(), caller.moderator()), caller, type);
    }

    /** A tombstone: the annotation answers 410 from now on, keeps its history, and can be restored. */
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                @RequestParam(required = false) @Nullable String reason) {
        long expected = EntityTags.expectedVersion(ifMatch);
        Caller caller = Caller.current(roles);
        reads.target(id, caller);
        Long version = commands.sendAndWait(Actors.command(
                new DeleteAnnotation(id, expected, caller.account(), caller.moderator(), reason), caller.account()));
        reads.caughtUpWithVersion(id, version);
        return ResponseEntity.noContent().eTag(EntityTags.of(version)).build();
    }

    /** Bring a deleted annotation back: its creator, or an editor. */
    @PostMapping("/restore")
    ResponseEntity<?> restore(@PathVariable String id, @RequestBody(required = false) @Nullable Reason body,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        long expected = EntityTags.expectedVersion(ifMatch);
        Caller caller = Caller.current(roles);
        reads.target(id, caller);
        return decide(id, new RestoreAnnotation(id, expected, caller.account(), caller.moderator(), reason(body)),
                caller, type);
    }

    /**
     * Moderation (editors): hide from readers, saying why in {@code {"reason"}}. {@code If-Match} is optional here:
     * hiding does not touch the content, so without it the current version is meant.
     */
    @PostMapping("/hide")
    ResponseEntity<?> hide(@PathVariable String id, @RequestBody(required = false) @Nullable Reason body,
                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        Caller caller = Caller.current(roles);
        long expected = expectedOrCurrent(id, ifMatch, caller);
        String reason = reason(body);
        return decide(id, new HideAnnotation(id, expected, caller.account(), reason == null ? "" : reason), caller, type);
    }

    @PostMapping("/unhide")
    ResponseEntity<?> unhide(@PathVariable String id, @RequestBody(required = false) @Nullable Reason body,
                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        Caller caller = Caller.current(roles);
        long expected = expectedOrCurrent(id, ifMatch, caller);
        return decide(id, new UnhideAnnotation(id, expected, caller.account(), reason(body)), caller, type);
    }

    /** An optional reason for a deletion, restoration or moderation. */
    record Reason(@Nullable String reason) {
    }

    private static @Nullable String reason(@Nullable Reason body) {
        return body == null ? null : body.reason();
    }

    private long expectedOrCurrent(String id, @Nullable String ifMatch, Caller caller) {
        AnnotationView view = reads.target(id, caller);
        return ifMatch == null || ifMatch.isBlank() ? view.state().version() : EntityTags.expectedVersion(ifMatch);
    }

    /** Sends a change as the caller and answers with the version it made. */
    private ResponseEntity<?> decide(String id, Object command, Caller caller, MediaType type) {
        Long version = commands.sendAndWait(Actors.command(command, caller.account()));
        return current(id, version, type);
    }

    /** The annotation after a command that made {@code version}, from the read model once it has caught up. */
    private ResponseEntity<?> current(String id, long version, MediaType type) {
        AnnotationView view = reads.caughtUpWithVersion(id, version)
                ? reads.find(id).filter(v -> v.state().version() >= version).orElse(null) : null;
        if (view == null) {
            return ResponseEntity.accepted().eTag(EntityTags.of(version))
                    .body(Map.of("id", responses.iris().annotation(id), "version", version,
                            "detail", "recorded; the annotation is still being indexed"));
        }
        return ResponseEntity.ok()
                .headers(AnnotationResponses.annotationHeaders(view.state().version(), type,
                        AnnotationResponses.ANNOTATION_ALLOW))
                .body(responses.render(view));
    }
}
