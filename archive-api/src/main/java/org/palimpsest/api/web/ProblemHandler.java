package org.palimpsest.api.web;

import java.util.Locale;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.document.InvalidDocumentException;
import org.palimpsest.archive.eventstore.EventTooLargeException;
import org.palimpsest.archive.input.FieldTooLongException;
import org.palimpsest.archive.input.InvalidTextException;
import org.palimpsest.archive.fix.FixConflictException;
import org.palimpsest.archive.fix.FixRefusedException;
import org.palimpsest.archive.fix.FixStateException;
import org.palimpsest.archive.fix.UnknownFixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place that maps exceptions to RFC 9457 problems. Domain refusals keep their message, which names the field
 * at fault; a body, parameter or header of the wrong type or shape names it in {@code field} (and, for parameters and
 * headers, in {@code parameter} too); Spring MVC's own refusals (405 with {@code Allow}, 406, 415 …) keep theirs.
 * Refusals from below the controllers (the security firewall, the servlet container's error dispatch) are routed
 * here too. Every answer is {@code application/problem+json} whatever the request accepted, so a garbled or
 * unsatisfiable {@code Accept} cannot turn a refusal into an empty body. Unexpected failures are logged with an id
 * that the answer repeats, so an operator can find them.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidDocumentException.class)
    ResponseEntity<ProblemDetail> invalidDocument(InvalidDocumentException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document",
                "Document cannot be imported", e.getMessage());
        problem.setProperty("field", e.field());
        if (e.line() != null) {
            problem.setProperty("line", e.line());
        }
        return answer(problem);
    }

    /** A field over its limit in {@code InputLimits} (422), naming the field, the limit and the batch item. */
    @ExceptionHandler(FieldTooLongException.class)
    ResponseEntity<ProblemDetail> fieldTooLong(FieldTooLongException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "field-too-long",
                "Field too long", e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("limit", e.limit());
        if (e.index() != null) {
            problem.setProperty("index", e.index());
        }
        return answer(problem);
    }

    /** Text that is not Unicode scalar values, or a body that is not strict UTF-8 (400), never repaired. */
    @ExceptionHandler(InvalidTextException.class)
    ResponseEntity<ProblemDetail> invalidText(InvalidTextException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-text", "Not valid Unicode",
                e.getMessage());
        problem.setProperty("field", e.field() == null ? "body" : e.field());
        if (e.index() != null) {
            problem.setProperty("index", e.index());
        }
        return answer(problem);
    }

    /** An event over the stored-event limit (413): nothing was written. */
    @ExceptionHandler(EventTooLargeException.class)
    ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "event-too-large",
                "Too large to store", e.getMessage() + "; nothing was recorded");
        problem.setProperty("limit", e.limit());
        return answer(problem);
    }

    @ExceptionHandler(FixRefusedException.class)
    ResponseEntity<ProblemDetail> fixRefused(FixRefusedException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "fix-refused",
                "Fix cannot be anchored", e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("index", e.index());
        if (!e.candidates().isEmpty()) {
            problem.setProperty("candidates", e.candidates());
        }
        return answer(problem);
    }

    @ExceptionHandler(FixConflictException.class)
    ResponseEntity<ProblemDetail> fixConflict(FixConflictException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "fix-conflict", "Text changed under the fix",
                e.getMessage());
        problem.setProperty("fixId", e.fixId());
        problem.setProperty("currentRevision", e.currentRevision());
        problem.setProperty("changes", e.changes());
        return answer(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return answer(ProblemResponses.problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "the document or annotation kept changing while this request was retried; nothing was recorded, send it again"));
    }

    @ExceptionHandler(FixStateException.class)
    ResponseEntity<ProblemDetail> fixState(FixStateException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "fix-state", "Not allowed in this state",
                e.getMessage());
        problem.setProperty("state", e.state().name().toLowerCase(Locale.ROOT));
        return answer(problem);
    }

    @ExceptionHandler({UnknownFixException.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> unknown(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "no document with id " + missing.getAggregateIdentifier() : e.getMessage();
        return answer(ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    /** A false If-Match or If-None-Match (412), naming the header, with the resource's current ETag when it has one. */
    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "Precondition failed", e.getMessage());
        problem.setProperty("field", e.header());
        problem.setProperty("parameter", e.header());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.current() != null) {
            answer.eTag(e.current().toString());
        }
        return answer.body(problem);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        String type = switch (e.status()) {
            case PRECONDITION_REQUIRED -> "if-match-required";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "unauthorized";
            default -> ProblemResponses.typeOf(e.status());
        };
        String title = switch (e.status()) {
            case PRECONDITION_REQUIRED -> "If-Match required";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Authentication required";
            default -> e.status().getReasonPhrase();
        };
        ProblemDetail problem = ProblemResponses.problem(e.status(), type, title, e.getMessage());
        if (e.parameter() != null) {
            problem.setProperty("field", e.parameter());
            problem.setProperty("parameter", e.parameter());
        }
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e.index() != null) {
            problem.setProperty("index", e.index());
        }
        return answer(problem);
    }

    /** A body that Jackson could not bind outside Spring MVC's reading (e.g. a batch item converted in a controller). */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<ProblemDetail> unreadableJson(JacksonException e) {
        return badRequest(BadRequestException.unreadableJson(e, null));
    }

    /** Spring Security's firewall refused the request line or a header (encoded dot segments, {@code ;}, …). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "rejected-request", "Request rejected",
                e.getMessage() + "; send the path, query and headers without encoded separators, dot segments, "
                        + "path parameters or control characters"));
    }

    /** Tomcat could not decode the query string or form body (a {@code %ff} that is no UTF-8, a {@code %} alone). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                "the query string or form body is not valid percent-encoded UTF-8"));
    }

    /**
     * Tomcat could not read the body as the request frames it: a chunk header that is no hexadecimal size, a chunked
     * body that ends early. The exception surfaces while a controller's argument is read, so it arrives here.
     */
    @ExceptionHandler(org.apache.coyote.BadRequestException.class)
    ResponseEntity<ProblemDetail> unframedBody(org.apache.coyote.BadRequestException e) {
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "the body does not match its framing (" + e.getMessage() + "); send a Content-Length, or valid chunks"));
    }

    /** A multipart body without its boundary or cut short; no endpoint takes multipart, but the parsing comes first. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "the multipart body could not be parsed; this API takes JSON or text bodies"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure, incident {}", incident, e);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The archive failed to answer; nothing was changed unless the history says so. Incident " + incident + ".");
        problem.setProperty("incident", incident);
        return answer(problem);
    }

    /** A body that is not JSON, or JSON of the wrong shape or types: 400 naming the field Jackson was at. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = jacksonCause(ex);
        ResponseEntity<ProblemDetail> answer = json != null ? unreadableJson(json)
                : answer(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                        ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                                ? "this request needs a body" : "the body could not be read as its Content-Type says"));
        return createResponseEntity(answer.getBody(), headers, answer.getStatusCode(), request);
    }

    /** A parameter, header or path variable that does not convert (a number out of range, an unknown value, …). */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        String expected = BadRequestException.expected(ex.getRequiredType());
        if (expected.equals("a whole number")) {
            expected += " within range";
        }
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                (name == null ? "a parameter" : name) + " must be " + expected);
        if (name != null) {
            problem.setProperty("field", name);
            problem.setProperty("parameter", name);
        }
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return parameterProblem(ex.getParameterName(), ex.getParameterName() + " is required", headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return parameterProblem(missing.getHeaderName(), "the " + missing.getHeaderName() + " header is required",
                    headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /**
     * Every problem Spring MVC's own handlers build passes here: it gets the archive's type URI and the problem media
     * type, and keeps the headers the refusal set ({@code Allow} on 405, {@code Accept} on 415).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.putAll(headers);
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create(ProblemResponses.TYPE_BASE + ProblemResponses.typeOf(statusCode)));
            }
            answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, answerHeaders, statusCode);
    }

    private ResponseEntity<Object> parameterProblem(String name, String detail, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("field", name);
        problem.setProperty("parameter", name);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static @Nullable JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** Problem JSON even when the request accepted something else: a preset content type skips negotiation. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
