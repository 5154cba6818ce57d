package org.palimpsest.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as a problem instead of an HTML page. Tomcat answers some requests itself before any servlet
 * sees them (a request line or header it cannot parse or that is too large, an encoded slash or NUL in the path, the
 * {@code CONNECT} method); this valve on the host writes those answers. A {@code CONNECT} is answered 405 with the
 * methods the path does allow, as Spring MVC answers any other method it does not map. Tomcat's 505 (an HTTP version
 * in the request line it does not speak) and 501 (a {@code Transfer-Encoding} it cannot decode) become 400: a 5xx
 * says the archive failed, and monitoring alerts on those, while these are the client's choice of framing.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ProblemResponses problems;
    private final MappedMethods allowedMethods;

    ProblemReportValve(ProblemResponses problems, MappedMethods allowedMethods) {
        this.problems = problems;
        this.allowedMethods = allowedMethods;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem;
        if ("CONNECT".equals(request.getMethod())) {
            String allow = allowedMethods.allowHeader(request.getRequestURI());
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
            response.setHeader(HttpHeaders.ALLOW, allow);
            problem = ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED,
                    "CONNECT is not supported: this archive is no proxy" + (allow.isEmpty() ? "" : "; this path allows " + allow));
        } else if (status == HttpStatus.NOT_IMPLEMENTED.value() || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, status == HttpStatus.NOT_IMPLEMENTED.value()
                    ? "the request's Transfer-Encoding is not one this server decodes: send the body with a Content-Length, "
                    + "or chunked"
                    : "the request line names " + printable(request.getProtocol()) + "; this archive speaks HTTP/1.1 and HTTP/1.0");
        } else {
            problem = ProblemResponses.problem(HttpStatusCode.valueOf(status), detail(status, response.getMessage()));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.toJson(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the problem answer for {} {}", status, request.getRequestURI(), e);
        }
    }

    /** The protocol as the client wrote it, cut short and without control characters, to be quoted back. */
    private static String printable(String protocol) {
        String shown = protocol == null ? "" : protocol.replaceAll("\\p{Cntrl}", "?");
        return "'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "'";
    }

    private static String detail(int status, String containerMessage) {
        String why = containerMessage == null || containerMessage.isBlank() ? null : containerMessage;
        return switch (status) {
            case 400 -> (why == null ? "the request could not be parsed" : why)
                    + ": the request line, path, query or headers are malformed or too large"
                    + " (encoded slashes, NUL and other control characters are refused)";
            case 404 -> "there is no resource at this path";
            default -> why == null ? ProblemResponses.titleOf(HttpStatusCode.valueOf(status)) : why;
        };
    }
}
