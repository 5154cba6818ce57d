package org.palimpsest.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems in the archive's form (a {@code type} under one base URI, a title, a detail), and writes
 * them where no controller is involved: the security filters and the servlet container's own refusals. Which
 * exception becomes which problem is decided in one place only, {@link ProblemHandler}.
 */
@Component
public class ProblemResponses {

    static final String TYPE_BASE = "https://palimpsest.example/problems/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A problem of the given type, e.g. {@code fix-refused}, under the archive's problem base URI. */
    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem typed by its status alone ({@code method-not-allowed}, {@code bad-request}, …). */
    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        return problem(status, typeOf(status), titleOf(status), detail);
    }

    static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "status-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = problem(status, typeOf(status), title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Writes a problem built with {@link #problem}, with whatever properties it carries (a field, a limit …). */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text, for writers that hold no servlet response (Tomcat's error report). */
    String toJson(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }
}
