package org.palimpsest.api.annotation.web;

import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import org.palimpsest.api.web.PreconditionFailedException;
import org.palimpsest.api.web.Preconditions;
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
 * One annotation, W3C protocol style: read it, replace it (PUT with {@code If-Match}) or create it under an id of the
 * client's (PUT with {@code If-None-Match: *}), delete it (a tombstone: 410 afterwards), restore it; and moderation,
 * hiding it from readers and showing it again. Every change names the version it was made against and answers with
 * the new one as {@code ETag}; the preconditions are judged by {@code Preconditions} (RFC 9110).
 */
@RestController
@RequestMapping("/annotations/{id}")
class AnnotationController {

    private final CommandGateway commands;
    private final AnnotationReads reads;
    private final AnnotationResponses responses;
    private final RoleHierarchy roles;
    private final AnnotationContainerController container;

    AnnotationController(CommandGateway commands, AnnotationReads reads, AnnotationResponses responses,
                         RoleHierarchy roles, AnnotationContainerController container) {
        this.commands = commands;
        this.reads = reads;
        this.responses = responses;
        this.roles = roles;
        this.container = container;
    }

    /**
     * The annotation now: 410 when deleted; a hidden one only for its creator and moderators (404 for others).
     * With {@code asOf}, {@code atPosition} or {@code Accept-Datetime} (RFC 7089), the version current then.
     */
    @GetMapping
    ResponseEntity<?> get(@PathVariable String id,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
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
        if (Preconditions.of(ifMatch, ifNoneMatch).notModified(EntityTags.tag(version))) {
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

    /**
     * Replace the annotation, naming the version replaced in {@code If-Match}; or, with {@code If-None-Match: *},
     * create it under this id (a UUID the client chose), only if no annotation has it yet (412 otherwise).
     */
    @PutMapping(consumes = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = AnnotationLimits.DESCRIPTION)
    ResponseEntity<?> revise(@PathVariable String id, @RequestBody Map<String, Object> body,
                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                             @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        Preconditions conditions = Preconditions.of(ifMatch, ifNoneMatch);
        Caller caller = Caller.current(roles);
        requireSameId(id, body);
        if (conditions.createOnly()) {
            return createOnlyIfAbsent(id, body, caller, type);
        }
        long expected = EntityTags.expectedVersion(conditions, reads.target(id, caller).state().version());
        AnnotationInput input = responses.parser().parse(body);
        return decide(id, input.revise(id, expected, caller.account(), caller.moderator()), caller, type);
    }

    /** A tombstone: the annotation answers 410 from now on, keeps its history, and can be restored. */
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                @RequestParam(required = false) @Nullable String reason) {
        Caller caller = Caller.current(roles);
        long expected = EntityTags.expectedVersion(Preconditions.of(ifMatch, null),
                reads.target(id, caller).state().version());
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
        Caller caller = Caller.current(roles);
        long expected = EntityTags.expectedVersion(Preconditions.of(ifMatch, null),
                reads.target(id, caller).state().version());
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
        long current = reads.target(id, caller).state().version();
        Preconditions conditions = Preconditions.of(ifMatch, null);
        return conditions.ifMatch() == null ? current : EntityTags.expectedVersion(conditions, current);
    }

    /**
     * {@code PUT} with {@code If-None-Match: *}: the annotation is created under the id the client chose, as the
     * container would create it, unless an annotation (or anything else in the log) has that id already (412, RFC 9110
     * §13.1.2). The id must be a UUID, as the archive's own are, so a client cannot take a name meant for another use.
     */
    private ResponseEntity<?> createOnlyIfAbsent(String id, Map<String, Object> body, Caller caller, MediaType type) {
        if (!isCanonicalUuid(id)) {
            throw new InvalidAnnotationException("id", "an annotation created with PUT needs a UUID as its id, such as "
                    + UUID.randomUUID() + "; got " + id);
        }
        PreconditionFailedException taken = new PreconditionFailedException(Preconditions.IF_NONE_MATCH, null,
                "the id " + id + " is taken (by an annotation, or another record of the archive), and If-None-Match: * "
                        + "creates only what does not exist yet; nothing was changed");
        if (reads.find(id).isPresent()) {
            throw taken;
        }
        try {
            return container.createAt(id, body, caller, type);
        } catch (AggregateStreamCreationException raced) {
            // Created meanwhile, or the id is another aggregate's: the event store's unique key refused the first event.
            throw taken;
        }
    }

    private static boolean isCanonicalUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** A body that names an annotation of this archive must name this one. */
    private void requireSameId(String id, Map<String, Object> body) {
        if (body.get("id") instanceof String iri && responses.iris().annotationId(iri).filter(id::equals).isEmpty()
                && (iri.startsWith("/") || iri.startsWith(responses.iris().base()))) {
            throw new InvalidAnnotationException("id", "the body describes another annotation (" + iri + ")");
        }
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
