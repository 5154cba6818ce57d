package org.palimpsest.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, in place of Boot's: errors that never reached a controller (a filter threw, the
 * container sent an error status) are thrown again here, so that {@link ProblemHandler} maps them as it maps everything
 * else. Called directly, with no error to render, it answers 404: there is no resource at this path.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final MappedMethods methods;

    ProblemErrorController(MappedMethods methods) {
        this.methods = methods;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ServletException wrapped && wrapped.getRootCause() instanceof Exception cause) {
            throw cause;
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || status < 400) {
            throw new NotFoundException("there is no resource at " + request.getRequestURI()
                    + "; it shows errors of other requests only");
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = message instanceof String text && !text.isBlank() ? text
                : "the request to " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " was refused";
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        if (status == 405) {
            // Tomcat refuses TRACE itself, listing every method of the servlet; list the path's own instead.
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            response.setHeader(HttpHeaders.ALLOW, methods.allowHeader(path instanceof String uri ? uri : null));
        }
        ProblemDetail problem = ProblemResponses.problem(statusCode, detail);
        throw new ErrorResponseException(statusCode, problem, null);
    }
}
