package org.palimpsest.api.web;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The methods Spring MVC maps at a path, for the {@code Allow} header of a 405 that Tomcat gives before Spring MVC
 * sees the request ({@code CONNECT}, {@code TRACE}); Spring MVC's own 405 answers list them the same way.
 */
@Component
public class MappedMethods {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    MappedMethods(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /**
     * Sorted, with {@code HEAD} where {@code GET} is and {@code OPTIONS} where anything is; empty for no mapping and for
     * a path that cannot be decoded (this is asked for requests already refused, whose paths may be anything).
     */
    Set<String> at(@Nullable String path) {
        Set<String> allowed = new TreeSet<>();
        if (path == null || !path.startsWith("/")) {
            return allowed;
        }
        try {
            PathContainer parsed = PathContainer.parsePath(path);
            for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getPatterns().stream().anyMatch(pattern -> pattern.matches(parsed))) {
                    info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(allowed::add);
                }
            }
        } catch (IllegalArgumentException undecodable) {
            // A segment such as %zz cannot be decoded for matching: no mapping has that path.
            return new TreeSet<>();
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    /** Whether {@code path} is mapped, but not for {@code method}: a request Spring MVC answers with 405. */
    public boolean lacks(@Nullable String path, String method) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        boolean anyForAllMethods;
        try {
            PathContainer parsed = PathContainer.parsePath(path);
            anyForAllMethods = mappings.getObject().getHandlerMethods().keySet().stream()
                    .anyMatch(info -> info.getPathPatternsCondition() != null
                            && info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(parsed))
                            && info.getMethodsCondition().getMethods().isEmpty());
        } catch (IllegalArgumentException undecodable) {
            return false;
        }
        // A handler without a method condition takes every method: nothing here is refused with 405.
        if (anyForAllMethods) {
            return false;
        }
        Set<String> allowed = at(path);
        return !allowed.isEmpty() && !allowed.contains(method);
    }

    String allowHeader(@Nullable String path) {
        return String.join(", ", at(path));
    }
}
