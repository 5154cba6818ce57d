package org.palimpsest.api.web;

import java.net.URI;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.palimpsest.archive.document.InvalidDocumentException;
import org.palimpsest.archive.fix.FixConflictException;
import org.palimpsest.archive.fix.FixRefusedException;
import org.palimpsest.archive.fix.FixStateException;
import org.palimpsest.archive.fix.UnknownFixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as an RFC 9457 problem. Domain refusals keep their message, which names the field at
 * fault; unexpected failures are logged with an id that the answer repeats, so an operator can find them.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_BASE = "https://palimpsest.example/problems/";

    @ExceptionHandler(InvalidDocumentException.class)
    ProblemDetail invalidDocument(InvalidDocumentException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document", "Document cannot be imported", e.getMessage());
        problem.setProperty("field", e.field());
        if (e.line() != null) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler(FixRefusedException.class)
    ProblemDetail fixRefused(FixRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "fix-refused", "Fix cannot be anchored", e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("index", e.index());
        if (!e.candidates().isEmpty()) {
            problem.setProperty("candidates", e.candidates());
        }
        return problem;
    }

    @ExceptionHandler(FixConflictException.class)
    ProblemDetail fixConflict(FixConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "fix-conflict", "Text changed under the fix", e.getMessage());
        problem.setProperty("fixId", e.fixId());
        problem.setProperty("currentRevision", e.currentRevision());
        problem.setProperty("changes", e.changes());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "the document or annotation kept changing while this request was retried; nothing was recorded, send it again");
    }

    @ExceptionHandler(FixStateException.class)
    ProblemDetail fixState(FixStateException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "fix-state", "Not allowed in this state", e.getMessage());
        problem.setProperty("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
        return problem;
    }

    @ExceptionHandler({UnknownFixException.class, AggregateNotFoundException.class})
    ProblemDetail unknown(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "no document with id " + missing.getAggregateIdentifier() : e.getMessage();
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = problem(e.status(), e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                e.status().getReasonPhrase(), e.getMessage());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure, incident {}", incident, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The archive failed to answer; nothing was changed unless the history says so. Incident " + incident + ".");
        problem.setProperty("incident", incident);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
