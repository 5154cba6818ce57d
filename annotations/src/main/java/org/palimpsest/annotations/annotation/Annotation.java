package org.palimpsest.annotations.annotation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.input.FieldTooLongException;
import org.palimpsest.archive.input.InputLimits;

/**
 * An annotation: its content at every version, who may change it, and whether it is deleted or hidden. Every rule
 * about writing annotations lives here; checking selectors against document text happens before the command is sent
 * ({@code SelectorCheck}), because the aggregate cannot read documents.
 *
 * <p>Each change names the version it was made against; a change against any other version is refused with the
 * current one, so two people editing at once never overwrite each other unseen.
 */
public class Annotation {

    /** Total size of all body values, in code points: an annotation is a note, not a second document. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");

    @AggregateIdentifier
    private String annotationId;
    private AnnotationState state;

    protected Annotation() {
        // Axon creates an empty instance and replays events into it.
    }

    @CommandHandler
    public Annotation(CreateAnnotation command) {
        requireActor(command.creator(), "creator");
        if (command.generator() != null) {
            InputLimits.check("generator.id", command.generator().id(), InputLimits.GENERATOR);
            InputLimits.check("generator.name", command.generator().name(), InputLimits.GENERATOR);
            InputLimits.check("generator.homepage", command.generator().homepage(), InputLimits.GENERATOR);
        }
        List<Motivation> motivations = distinct(command.motivations());
        requireValidContent(command.annotationId(), motivations, command.bodies(), command.target());
        apply(new AnnotationCreated(command.annotationId(), 1, command.creator(), motivations, command.bodies(),
                command.target(), command.generator()));
    }

    /** @return the new version (unchanged when the content is the same: a repeated PUT records nothing) */
    @CommandHandler
    public long handle(ReviseAnnotation command) {
        requireVersion(command.expectedVersion());
        requireNotDeleted();
        boolean byModerator = requireCreatorOrModerator(command.actor(), command.actorIsModerator());
        List<Motivation> motivations = distinct(command.motivations());
        requireValidContent(annotationId, motivations, command.bodies(), command.target());
        requireSameSubject(command.target());
        if (motivations.equals(state.motivations()) && command.bodies().equals(state.bodies())
                && command.target().equals(state.target())) {
            return state.version();
        }
        apply(new AnnotationRevised(annotationId, state.version() + 1, command.actor(), byModerator, motivations,
                command.bodies(), command.target()));
        return state.version();
    }

    @CommandHandler
    public long handle(DeleteAnnotation command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        requireVersion(command.expectedVersion());
        requireNotDeleted();
        boolean byModerator = requireCreatorOrModerator(command.actor(), command.actorIsModerator());
        apply(new AnnotationDeleted(annotationId, state.version() + 1, command.actor(), byModerator,
                blankToNull(command.reason())));
        return state.version();
    }

    @CommandHandler
    public long handle(RestoreAnnotation command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        requireVersion(command.expectedVersion());
        if (!state.deleted()) {
            throw new AnnotationStateException(annotationId, "annotation " + annotationId + " is not deleted");
        }
        boolean byModerator = requireCreatorOrModerator(command.actor(), command.actorIsModerator());
        apply(new AnnotationRestored(annotationId, state.version() + 1, command.actor(), byModerator,
                blankToNull(command.reason())));
        return state.version();
    }

    @CommandHandler
    public long handle(HideAnnotation command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        requireActor(command.moderator(), "moderator");
        requireVersion(command.expectedVersion());
        requireNotDeleted();
        if (state.hidden()) {
            throw new AnnotationStateException(annotationId, "annotation " + annotationId + " is already hidden");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidAnnotationException("reason", "say why the annotation is hidden");
        }
        apply(new AnnotationHidden(annotationId, state.version() + 1, command.moderator(), command.reason().strip()));
        return state.version();
    }

    @CommandHandler
    public long handle(UnhideAnnotation command) {
        InputLimits.check("reason", command.reason(), InputLimits.REASON);
        requireActor(command.moderator(), "moderator");
        requireVersion(command.expectedVersion());
        requireNotDeleted();
        if (!state.hidden()) {
            throw new AnnotationStateException(annotationId, "annotation " + annotationId + " is not hidden");
        }
        apply(new AnnotationUnhidden(annotationId, state.version() + 1, command.moderator(),
                blankToNull(command.reason())));
        return state.version();
    }

    private void requireVersion(long expectedVersion) {
        if (expectedVersion != state.version()) {
            throw new StaleVersionException(annotationId, state.version(), expectedVersion);
        }
    }

    private void requireNotDeleted() {
        if (state.deleted()) {
            throw new AnnotationDeletedException(annotationId, state.version());
        }
    }

    /** @return whether the actor acts as moderator, i.e. is not the creator */
    private boolean requireCreatorOrModerator(String actor, boolean actorIsModerator) {
        requireActor(actor, "actor");
        if (actor.equals(state.creator())) {
            return false;
        }
        if (!actorIsModerator) {
            throw new NotYourAnnotationException(annotationId, actor);
        }
        return true;
    }

    /**
     * An annotation stays about what it was made on: its selectors may move within the document (or to another of its
     * revisions), but moving it to another document or thread would silently change what earlier versions meant.
     */
    private void requireSameSubject(Target revised) {
        Target current = state.target();
        if (current instanceof DocumentTarget before && revised instanceof DocumentTarget after) {
            if (!before.documentId().equals(after.documentId())) {
                throw new InvalidAnnotationException("target.source",
                        "an annotation stays on its document; create a new annotation for another one");
            }
        } else if (!current.equals(revised)) {
            throw new InvalidAnnotationException("target", current instanceof AnnotationReplyTarget
                    ? "a reply stays a reply to the same annotation"
                    : "an annotation on a document cannot become a reply");
        }
    }

    private static void requireValidContent(String annotationId, List<Motivation> motivations, List<Body> bodies,
                                            Target target) {
        if (bodies.isEmpty() && motivations.stream().noneMatch(Motivation::standsWithoutBody)) {
            throw new InvalidAnnotationException("body",
                    "an annotation needs a body unless its motivation is bookmarking or highlighting");
        }
        long total = 0;
        for (int i = 0; i < bodies.size(); i++) {
            Body body = bodies.get(i);
            String field = "body[" + i + "]";
            InputLimits.check(field + ".value", body.value(),
                    Body.TAGGING.equals(body.purpose()) ? InputLimits.TAG : InputLimits.ANNOTATION_BODIES);
            InputLimits.check(field + ".format", body.format(), InputLimits.TOKEN);
            InputLimits.check(field + ".language", body.language(), InputLimits.LANGUAGE);
            InputLimits.check(field + ".purpose", body.purpose(), InputLimits.TOKEN);
            if (body.value().isBlank()) {
                throw new InvalidAnnotationException(field + ".value", "a body needs text");
            }
            if (body.format() != null && !MEDIA_TYPE.matcher(body.format()).matches()) {
                throw new InvalidAnnotationException(field + ".format", "'" + body.format() + "' is not a media type");
            }
            if (body.language() != null && !wellFormedLanguage(body.language())) {
                throw new InvalidAnnotationException(field + ".language",
                        "'" + body.language() + "' is not a BCP 47 language tag");
            }
            if (body.purpose() != null) {
                Motivation.parse(body.purpose(), field + ".purpose");
            }
            total += body.value().codePointCount(0, body.value().length());
        }
        if (total > InputLimits.ANNOTATION_BODIES) {
            throw new FieldTooLongException("body", null, InputLimits.ANNOTATION_BODIES, total);
        }
        requireValidTarget(annotationId, target);
    }

    private static void requireValidTarget(String annotationId, Target target) {
        if (target instanceof AnnotationReplyTarget reply) {
            if (reply.annotationId().isBlank() || reply.annotationId().equals(annotationId)) {
                throw new InvalidAnnotationException("target", "a reply must target another annotation");
            }
        } else if (target instanceof DocumentTarget document) {
            if (document.documentId().isBlank()) {
                throw new InvalidAnnotationException("target.source", "name the document annotated");
            }
            if (document.revision() < 0) {
                throw new InvalidAnnotationException("target.palimpsest:revision", "revisions start at 0");
            }
            // A quote with a lone surrogate would match half of an astral character: refused, never anchored.
            InputLimits.check("target.selector.exact", document.quote().exact(), InputLimits.QUOTE);
            InputLimits.check("target.selector.prefix", document.quote().prefix(), InputLimits.QUOTE_CONTEXT);
            InputLimits.check("target.selector.suffix", document.quote().suffix(), InputLimits.QUOTE_CONTEXT);
            int quoteLength = document.quote().exactLength();
            if (quoteLength == 0) {
                throw new InvalidAnnotationException("target.selector", "a TextQuoteSelector needs a non-empty exact");
            }
            if (document.position() != null && document.position().end() - document.position().start() != quoteLength) {
                throw new InvalidAnnotationException("target.selector",
                        "the TextPositionSelector spans " + (document.position().end() - document.position().start())
                                + " code points but the quote has " + quoteLength);
            }
        }
    }

    private static boolean wellFormedLanguage(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return !tag.isBlank();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static void requireActor(@Nullable String actor, String field) {
        if (actor == null || actor.isBlank()) {
            throw new InvalidAnnotationException(field, "every change names who makes it");
        }
    }

    /** The same motivation twice says nothing more; keep the first mention's order. */
    private static List<Motivation> distinct(List<Motivation> motivations) {
        return List.copyOf(new LinkedHashSet<>(motivations));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @EventSourcingHandler
    void on(AnnotationCreated event, @Timestamp Instant at) {
        annotationId = event.annotationId();
        state = AnnotationState.of(event, at);
    }

    /** Every later fact folds into the state the same way; Axon prefers the creation handler above for creation. */
    @EventSourcingHandler
    void on(AnnotationEvent event, @Timestamp Instant at) {
        state = state.then(event, at);
    }
}
