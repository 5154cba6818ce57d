package org.palimpsest.api.annotation.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.annotations.annotation.AnnotationReplyTarget;
import org.palimpsest.annotations.annotation.DocumentTarget;
import org.palimpsest.annotations.annotation.InvalidAnnotationException;
import org.palimpsest.annotations.annotation.Motivation;
import org.palimpsest.annotations.annotation.Target;
import org.palimpsest.annotations.projection.AnnotationListing;
import org.palimpsest.annotations.projection.AnnotationView;
import org.palimpsest.annotations.projection.CurrentText;
import org.palimpsest.annotations.projection.ListAnnotations;
import org.palimpsest.annotations.webannotation.AnnotationInput;
import org.palimpsest.annotations.webannotation.WebAnnotationDocument;
import org.palimpsest.annotations.webannotation.WebAnnotationIris;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.provenance.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The W3C annotation container, {@code /annotations/}: create an annotation (POST), and read the container as an
 * {@code AnnotationCollection} whose pages are {@code AnnotationPage}s, optionally filtered by target, creator, tag
 * and motivation. Listed by document, each annotation carries where it lies in the document's current text.
 */
@RestController
class AnnotationContainerController {

    static final int DEFAULT_PAGE_SIZE = 20;
    private static final String LABEL = "Palimpsest annotations";

    private final CommandGateway commands;
    private final AnnotationReads reads;
    private final AnnotationResponses responses;
    private final ArchiveDocumentTexts documents;
    private final RoleHierarchy roles;

    AnnotationContainerController(CommandGateway commands, AnnotationReads reads, AnnotationResponses responses,
                                  ArchiveDocumentTexts documents, RoleHierarchy roles) {
        this.commands = commands;
        this.reads = reads;
        this.responses = responses;
        this.documents = documents;
        this.roles = roles;
    }

    @PostMapping(path = {"/annotations", "/annotations/"},
            consumes = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = AnnotationLimits.DESCRIPTION)
    ResponseEntity<?> create(@RequestBody Map<String, Object> body,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        return createAt(UUID.randomUUID().toString(), body, Caller.current(roles), type);
    }

    /** Creates the annotation under {@code id}: a new random one, or one a client chose with a conditional PUT. */
    ResponseEntity<?> createAt(String id, Map<String, Object> body, Caller caller, MediaType type) {
        AnnotationInput input = responses.parser().parse(body);
        requireParentVisible(input.target(), caller);
        commands.sendAndWait(Actors.command(input.create(id, caller.account()), caller.account()));
        URI location = URI.create(responses.iris().annotation(id));
        AnnotationView view = reads.caughtUpWithVersion(id, 1) ? reads.find(id).orElse(null) : null;
        if (view == null) {
            // The fact is recorded; only the read model lags. Say so rather than pretend or fail.
            return ResponseEntity.accepted().location(location).eTag(EntityTags.of(1))
                    .body(Map.of("id", location.toString(), "detail", "created; the annotation is still being indexed"));
        }
        HttpHeaders headers = AnnotationResponses.annotationHeaders(view.state().version(), type,
                AnnotationResponses.ANNOTATION_ALLOW);
        headers.setLocation(location);
        return ResponseEntity.status(HttpStatus.CREATED).headers(headers).body(responses.render(view));
    }

    /**
     * Without {@code page}: the container, with its first page embedded (annotation descriptions by default, IRIs
     * for {@code PreferContainedIRIs} or {@code ?iris=1}, none for {@code PreferMinimalContainer}) and a link to the
     * last. With {@code page}: that {@code AnnotationPage}, counting from 0.
     *
     * @param target a document's id or IRI (its annotations, each with {@code palimpsest:anchoring}), or an
     *               annotation's IRI (the replies to it)
     */
    @GetMapping({"/annotations", "/annotations/"})
    ResponseEntity<Map<String, Object>> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            @RequestParam(required = false) @Nullable String iris,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String creator,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String motivation,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable Long atPosition,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestHeader(value = "Prefer", required = false) @Nullable String prefer) {
        MediaType type = AnnotationMediaTypes.negotiate(accept);
        if (page != null && page < 0) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "page", "pages count from 0");
        }
        if (size < 1 || size > ListAnnotations.MAX_SIZE) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "size",
                    "size must be between 1 and " + ListAnnotations.MAX_SIZE);
        }
        boolean irisParameter = iris != null && (iris.equals("1") || iris.equalsIgnoreCase("true"));
        ContainerPreference preference = page == null ? ContainerPreference.of(prefer, irisParameter)
                : irisParameter ? ContainerPreference.IRIS : ContainerPreference.DESCRIPTIONS;
        WebAnnotationIris annotationIris = responses.iris();
        FilteredCollection collection = new FilteredCollection(annotationIris, target, creator, tag, motivation, size,
                AsOf.from(asOf, atPosition, null).orElse(null));
        Caller caller = Caller.current(roles);

        Listed listed = list(collection, page == null ? 0 : page, caller);
        AnnotationListing listing = listed.listing();
        HttpHeaders headers = AnnotationResponses.containerHeaders(type);
        if (page == null) {
            if (ContainerPreference.asked(prefer)) {
                headers.set("Preference-Applied", "return=representation");
            }
            return ResponseEntity.ok().headers(headers).body(container(collection, listed, preference));
        }
        if (page > listing.lastPage()) {
            throw new NotFoundException("page " + page + " does not exist; the last page is " + listing.lastPage());
        }
        Map<String, Object> json = page(collection, listed, preference == ContainerPreference.IRIS);
        return ResponseEntity.ok().headers(headers).body(json);
    }

    /** A page of the collection, and the document revision its items were anchored to (when listed by document). */
    private record Listed(AnnotationListing listing, @Nullable CurrentText anchoredTo) {
    }

    private Listed list(FilteredCollection collection, int page, Caller caller) {
        AsOf when = collection.asOf;
        CurrentText anchorTo = collection.documentId == null ? null
                : (when == null ? documents.view(collection.documentId) : documents.viewAsOf(collection.documentId, when))
                .map(view -> new CurrentText(view.text(), view.revision()))
                .orElse(null);
        ListAnnotations query = new ListAnnotations(collection.documentId, collection.repliesTo, collection.creator,
                collection.tag, collection.motivation, page, collection.size, caller.name(), caller.moderator(), anchorTo,
                when == null ? null : when.position(), when == null ? null : when.time());
        AnnotationListing listing = reads.list(query);
        if (listing.anchoringBehind() && collection.documentId != null && reads.caughtUpWith(collection.documentId)) {
            // The reading view already shows a revision this projection had not seen: wait for it, then place again.
            listing = reads.list(query);
        }
        return new Listed(listing, anchorTo);
    }

    private Map<String, Object> container(FilteredCollection collection, Listed listed, ContainerPreference preference) {
        AnnotationListing listing = listed.listing();
        boolean irisOnly = preference == ContainerPreference.IRIS;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", context(collection.iris));
        json.put("id", collection.iri());
        json.put("type", List.of("BasicContainer", "AnnotationCollection"));
        json.put("label", LABEL);
        json.put("total", listing.total());
        if (preference == ContainerPreference.MINIMAL) {
            json.put("first", collection.pageIri(0, false));
        } else {
            Map<String, Object> first = new LinkedHashMap<>(page(collection, listed, irisOnly));
            first.remove("@context");
            first.remove("partOf");
            json.put("first", first);
        }
        json.put("last", collection.pageIri(listing.lastPage(), irisOnly && preference != ContainerPreference.MINIMAL));
        return json;
    }

    private Map<String, Object> page(FilteredCollection collection, Listed listed, boolean irisOnly) {
        AnnotationListing listing = listed.listing();
        int index = listing.page();
        Map<String, Instant> revisionTimes = new HashMap<>();
        for (AnnotationView view : listing.items()) {
            if (view.state().target() instanceof DocumentTarget document && view.revisionTime() != null) {
                revisionTimes.put(document.documentId() + "@" + document.revision(), view.revisionTime());
            }
        }
        WebAnnotationDocument document = responses.document((documentId, revision) ->
                revisionTimes.get(documentId + "@" + revision));
        Map<String, Object> json = new LinkedHashMap<>(document.page(collection.pageIri(index, irisOnly),
                listing.items().stream().map(AnnotationView::state).toList(), (long) index * listing.size(),
                listing.total(), index < listing.lastPage() ? collection.pageIri(index + 1, irisOnly) : null,
                index > 0 ? collection.pageIri(index - 1, irisOnly) : null));
        @SuppressWarnings("unchecked")
        Map<String, Object> partOf = new LinkedHashMap<>((Map<String, Object>) json.get("partOf"));
        partOf.put("id", collection.iri());
        partOf.put("label", LABEL);
        json.put("partOf", partOf);
        if (irisOnly) {
            json.put("items", listing.items().stream().map(v -> collection.iris.annotation(v.id())).toList());
            return json;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> described = (List<Map<String, Object>>) json.get("items");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < described.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>(described.get(i));
            AnnotationView view = listing.items().get(i);
            if (view.anchoring() != null && listed.anchoredTo() != null
                    && view.state().target() instanceof DocumentTarget made) {
                item.put(AnnotationResponses.ANCHORING, AnnotationResponses.anchoring(view.anchoring(),
                        listed.anchoredTo().revision(), made.revision()));
            }
            items.add(item);
        }
        json.put("items", items);
        return json;
    }

    private static List<Object> context(WebAnnotationIris iris) {
        return List.of(WebAnnotationDocument.ANNO_CONTEXT, WebAnnotationDocument.LDP_CONTEXT,
                Map.of(WebAnnotationDocument.PREFIX, iris.namespace()));
    }

    /** A reply must answer an annotation its author can see and that is not deleted. */
    private void requireParentVisible(Target target, Caller caller) {
        if (target instanceof AnnotationReplyTarget reply) {
            boolean visible = reads.find(reply.annotationId())
                    .filter(parent -> parent.visibleTo(caller.name(), caller.moderator()))
                    .isPresent();
            if (!visible) {
                throw new InvalidAnnotationException("target", "there is no annotation " + reply.annotationId()
                        + " to reply to");
            }
        }
    }

    /** The (filtered) collection asked for: its filters, its IRI and its pages' IRIs. */
    private static final class FilteredCollection {

        final WebAnnotationIris iris;
        final @Nullable String documentId;
        final @Nullable String repliesTo;
        final @Nullable String creator;
        final @Nullable String tag;
        final @Nullable String motivation;
        final int size;
        final @Nullable AsOf asOf;
        private final Map<String, String> filters = new LinkedHashMap<>();

        FilteredCollection(WebAnnotationIris iris, @Nullable String target, @Nullable String creator, @Nullable String tag,
                   @Nullable String motivation, int size, @Nullable AsOf asOf) {
            this.iris = iris;
            this.asOf = asOf;
            String document = null;
            String parent = null;
            if (target != null && !target.isBlank()) {
                if (iris.annotationId(target).isPresent()) {
                    parent = iris.annotationId(target).get();
                } else if (iris.documentId(target).isPresent()) {
                    document = iris.documentId(target).get();
                } else if (target.contains("/")) {
                    throw new BadRequestException(HttpStatus.BAD_REQUEST, "target", "'" + target
                            + "' is neither a document nor an annotation of this archive");
                } else {
                    document = target;
                }
                filters.put("target", target);
            }
            this.documentId = document;
            this.repliesTo = parent;
            this.creator = blankToNull(creator);
            this.tag = blankToNull(tag);
            String w3cName = null;
            if (blankToNull(motivation) != null) {
                try {
                    w3cName = Motivation.parse(motivation.strip(), "motivation").w3cName();
                } catch (InvalidAnnotationException e) {
                    throw new BadRequestException(HttpStatus.BAD_REQUEST, "motivation", e.getMessage());
                }
            }
            this.motivation = w3cName;
            putIfPresent("creator", this.creator);
            putIfPresent("tag", this.tag);
            putIfPresent("motivation", this.motivation);
            if (asOf != null) {
                // Page links keep the point in history, so paging an as-of container stays in the past.
                putIfPresent("asOf", asOf.time() == null ? null : asOf.time().toString());
                putIfPresent("atPosition", asOf.position() == null ? null : asOf.position().toString());
                if (documentId == null) {
                    throw new BadRequestException(HttpStatus.BAD_REQUEST, "target",
                            "an as-of listing needs a document target");
                }
            }
            this.size = size;
        }

        String iri() {
            return iris.container() + query(filters);
        }

        String pageIri(int page, boolean irisOnly) {
            Map<String, String> parameters = new LinkedHashMap<>(filters);
            if (irisOnly) {
                parameters.put("iris", "1");
            }
            if (size != DEFAULT_PAGE_SIZE) {
                parameters.put("size", Integer.toString(size));
            }
            parameters.put("page", Integer.toString(page));
            return iris.container() + query(parameters);
        }

        private void putIfPresent(String name, @Nullable String value) {
            if (value != null) {
                filters.put(name, value);
            }
        }

        private static String query(Map<String, String> parameters) {
            StringBuilder query = new StringBuilder();
            parameters.forEach((name, value) -> query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return query.toString();
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
