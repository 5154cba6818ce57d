package org.palimpsest.api.annotation.web;

import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.palimpsest.annotations.annotation.AnnotationDeletedException;
import org.palimpsest.annotations.annotation.AnnotationStateException;
import org.palimpsest.annotations.annotation.InvalidAnnotationException;
import org.palimpsest.annotations.annotation.NotYourAnnotationException;
import org.palimpsest.annotations.annotation.StaleVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The annotation refusals as RFC 9457 problems, for the annotation controllers only (ahead of the API-wide
 * {@code ProblemHandler}, which answers every refusal not particular to annotations: bad parameters, headers and
 * bodies, missing resources). Each problem is {@code application/problem+json} whatever the
 * request accepted, names the {@code field} at fault where there is one, and for a stale or deleted annotation gives
 * its current {@code version} in the body and as {@code ETag}, so a client can reload and retry.
 */
@RestControllerAdvice(assignableTypes = {AnnotationContainerController.class, AnnotationController.class,
        AnnotationVersionController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnnotationProblems {

    private static final String TYPE_BASE = "https://palimpsest.example/problems/";

    @ExceptionHandler(InvalidAnnotationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAnnotationException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-annotation", "Annotation cannot be "
                + "written", e.getMessage());
        problem.setProperty("field", e.field());
        return answer(problem, new HttpHeaders());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Annotation changed meanwhile",
                e.getMessage() + "; reload it and apply your change to the current version");
        problem.setProperty("field", "If-Match");
        problem.setProperty("currentVersion", e.currentVersion());
        problem.setProperty("expectedVersion", e.expectedVersion());
        return answer(problem, etag(e.currentVersion()));
    }

    @ExceptionHandler(NotYourAnnotationException.class)
    ResponseEntity<ProblemDetail> notYours(NotYourAnnotationException e) {
        return answer(problem(HttpStatus.FORBIDDEN, "not-your-annotation", "Not allowed", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler(AnnotationDeletedException.class)
    ResponseEntity<ProblemDetail> deleted(AnnotationDeletedException e) {
        ProblemDetail problem = problem(HttpStatus.GONE, "annotation-deleted", "Annotation deleted", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return answer(problem, etag(e.currentVersion()));
    }

    @ExceptionHandler(AnnotationStateException.class)
    ResponseEntity<ProblemDetail> state(AnnotationStateException e) {
        return answer(problem(HttpStatus.CONFLICT, "annotation-state", "Not allowed in this state", e.getMessage()),
                new HttpHeaders());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException e) {
        return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no annotation with id " + e.getAggregateIdentifier()), new HttpHeaders());
    }

    private static HttpHeaders etag(long version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(EntityTags.of(version));
        return headers;
    }

    /** Problem JSON even when the request accepted only JSON-LD: a preset content type skips negotiation. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
