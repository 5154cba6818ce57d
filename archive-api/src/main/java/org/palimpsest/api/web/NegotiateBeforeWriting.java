package org.palimpsest.api.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A write is refused with 406 before its command is sent when the client accepts no JSON answer. Spring MVC
 * negotiates the answer only after the handler has run, so a proposal sent with {@code Accept: text/html} was recorded
 * and then answered 406, a refusal that had changed the history. Every write answers JSON (or JSON-LD, a {@code +json}
 * type) or nothing at all, so that is what is checked, ahead of every write handler that answers a body.
 */
@Component
class NegotiateBeforeWriting implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || !WRITES.contains(request.getMethod()) || answersNoBody(method)) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse Accept header: " + e.getMessage());
        }
        boolean answerable = accepted.stream()
                .filter(type -> type.getQualityValue() > 0)
                .anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
        if (!answerable) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }

    /** A write answered with a status and headers only (a DELETE's 204) suits any Accept. */
    private static boolean answersNoBody(HandlerMethod method) {
        ResolvableType answer = ResolvableType.forMethodReturnType(method.getMethod());
        Class<?> type = answer.resolve();
        return type == void.class || type == Void.class
                || ResponseEntity.class.equals(type) && answer.getGeneric(0).resolve() == Void.class;
    }
}
