package org.palimpsest.api.fix.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.palimpsest.archive.input.InputLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.AsOf;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.api.web.Paging;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.api.web.AffectedViews;
import org.palimpsest.api.web.ReadYourWrites;
import org.palimpsest.archive.fix.AcceptFix;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixState;
import org.palimpsest.archive.fix.ProposeFixes;
import org.palimpsest.archive.fix.RejectFix;
import org.palimpsest.archive.fix.RevertFix;
import org.palimpsest.archive.provenance.Actors;
import org.palimpsest.archive.projection.reading.FindReadingView;
import org.palimpsest.archive.projection.reading.FindReadingViewAsOf;
import org.palimpsest.archive.projection.reading.FixView;
import org.palimpsest.archive.projection.reading.ReadingView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Propose, review and list translation fixes of one document. */
@RestController
@RequestMapping("/api/documents/{documentId}/fixes")
class FixController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final RoleHierarchy roles;
    private final JsonMapper json;

    FixController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, RoleHierarchy roles,
                  JsonMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.roles = roles;
        this.json = json;
    }

    /** One proposal (an object) or a batch (an array), recorded all together or not at all. */
    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json",
            schema = @Schema(oneOf = {FixProposalJson.class, FixProposalJson[].class})))
    ResponseEntity<?> propose(@PathVariable String documentId, @RequestBody JsonNode body,
                              @RequestParam(defaultValue = "false") boolean accept, Authentication caller) {
        if (accept && !isEditor(caller)) {
            throw new BadRequestException(HttpStatus.FORBIDDEN, "accept", "only editors may accept fixes");
        }
        boolean batch = body.isArray();
        List<JsonNode> items = new ArrayList<>();
        if (batch) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, null, "send a fix object or an array of them");
        }
        if (items.isEmpty() || items.size() > 500) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, null, "a batch holds 1 to 500 fixes");
        }
        List<FixProposal> proposals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            proposals.add(proposal(items.get(i), batch ? i : null).toProposal(i, UUID.randomUUID().toString()));
        }
        List<String> ids = commands.sendAndWait(Actors.command(
                new ProposeFixes(documentId, proposals, caller.getName(), accept, null), caller.getName()));
        readYourWrites.awaitAggregate(documentId, accept ? AffectedViews.TEXT : AffectedViews.FIXES);
        ReadingView view = view(documentId);
        List<FixAnswer> answers = ids.stream().map(id -> answer(view, id)).toList();
        if (batch) {
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("items", answers));
        }
        return ResponseEntity.created(URI.create("/api/documents/" + documentId + "/fixes/" + ids.get(0))).body(answers.get(0));
    }

    @PostMapping("/{fixId}/accept")
    FixAnswer accept(@PathVariable String documentId, @PathVariable String fixId,
                     @RequestBody(required = false) @Nullable Review review, Authentication caller) {
        return decide(documentId, fixId, new AcceptFix(documentId, fixId, caller.getName(), comment(review)),
                AffectedViews.TEXT, caller);
    }

    @PostMapping("/{fixId}/reject")
    FixAnswer reject(@PathVariable String documentId, @PathVariable String fixId,
                     @RequestBody(required = false) @Nullable Review review, Authentication caller) {
        return decide(documentId, fixId, new RejectFix(documentId, fixId, caller.getName(), comment(review)),
                AffectedViews.FIXES, caller);
    }

    @PostMapping("/{fixId}/revert")
    FixAnswer revert(@PathVariable String documentId, @PathVariable String fixId,
                     @RequestBody(required = false) @Nullable Review review, Authentication caller) {
        return decide(documentId, fixId, new RevertFix(documentId, fixId, caller.getName(), comment(review)),
                AffectedViews.TEXT, caller);
    }

    /** The fixes now, or as they stood at {@code asOf} / {@code atPosition}. */
    @GetMapping
    Map<String, Object> list(@PathVariable String documentId, @RequestParam(required = false) @Nullable String state,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             @RequestParam(required = false) @Nullable String asOf,
                             @RequestParam(required = false) @Nullable Long atPosition) {
        Paging.check(page, size, 500);
        FixState wanted = state == null ? null : state(state);
        List<FixAnswer> matching = view(documentId, AsOf.from(asOf, atPosition, null)).fixes().stream()
                .filter(f -> wanted == null || f.state() == wanted)
                .map(f -> FixAnswer.of(documentId, f))
                .toList();
        List<FixAnswer> items = matching.stream().skip((long) page * size).limit(size).toList();
        return Map.of("items", items, "page", page, "size", size, "total", matching.size());
    }

    @GetMapping("/{fixId}")
    FixAnswer get(@PathVariable String documentId, @PathVariable String fixId) {
        return answer(view(documentId), fixId);
    }

    /** An optional review comment. */
    record Review(@Schema(maxLength = InputLimits.COMMENT) @Nullable String comment) {
    }

    private FixAnswer decide(String documentId, String fixId, Object command, AffectedViews affected,
                             Authentication caller) {
        commands.sendAndWait(Actors.command(command, caller.getName()));
        readYourWrites.awaitAggregate(documentId, affected);
        return answer(view(documentId), fixId);
    }

    private ReadingView view(String documentId) {
        return view(documentId, java.util.Optional.empty());
    }

    private ReadingView view(String documentId, java.util.Optional<AsOf> when) {
        Object query = when.<Object>map(w -> new FindReadingViewAsOf(documentId, w.position(), w.time()))
                .orElse(new FindReadingView(documentId));
        return queries.query(query, ResponseTypes.optionalInstanceOf(ReadingView.class)).join()
                .orElseThrow(() -> new NotFoundException("no document with id " + documentId + (when.isPresent() ? " at that point" : "")));
    }

    private static FixAnswer answer(ReadingView view, String fixId) {
        FixView fix = view.fixes().stream().filter(f -> f.id().equals(fixId)).findFirst()
                .orElseThrow(() -> new NotFoundException("document " + view.id() + " has no fix " + fixId));
        return FixAnswer.of(view.id(), fix);
    }

    /** One item bound to its record; a type or shape error names the field, and the item's index in a batch. */
    private FixProposalJson proposal(JsonNode item, @Nullable Integer index) {
        if (!item.isObject()) {
            throw BadRequestException.bodyField(index == null ? "" : "[" + index + "]", index,
                    "each fix is a JSON object with target, replacement, kind, reason and reference");
        }
        try {
            return json.treeToValue(item, FixProposalJson.class);
        } catch (JacksonException e) {
            throw BadRequestException.unreadableJson(e, index);
        }
    }

    private boolean isEditor(Authentication caller) {
        return roles.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .anyMatch(a -> "ROLE_EDITOR".equals(a.getAuthority()));
    }

    private static @Nullable String comment(@Nullable Review review) {
        return review == null || review.comment() == null || review.comment().isBlank() ? null : review.comment().strip();
    }

    private static FixState state(String value) {
        try {
            return FixState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(HttpStatus.BAD_REQUEST, "state", "state must be pending, accepted, rejected or reverted");
        }
    }
}
