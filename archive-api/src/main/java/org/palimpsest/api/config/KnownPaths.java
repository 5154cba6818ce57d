package org.palimpsest.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PatternParseException;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Whether any endpoint lives at a path, with any method: the API's and Actuator's mappings. A request the access table
 * refuses at a path where nothing lives is answered 404, for anonymous and signed-in callers alike: "sign in" or "not
 * allowed" would send a client looking for credentials it does not need. Nothing runs for such a request either way.
 */
final class KnownPaths {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
    private volatile @Nullable List<Predicate<String>> patterns;

    KnownPaths(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    boolean contains(@Nullable String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        return patterns().stream().anyMatch(pattern -> pattern.test(path));
    }

    /** Read once, on the first refused request: the mappings are complete by the time requests arrive. */
    private List<Predicate<String>> patterns() {
        List<Predicate<String>> known = patterns;
        if (known == null) {
            List<Predicate<String>> read = new ArrayList<>();
            mappings.orderedStream().forEach(mapping -> {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    info.getPatternValues().forEach(pattern -> read.add(matcher(pattern)));
                }
            });
            known = List.copyOf(read);
            patterns = known;
        }
        return known;
    }

    private static Predicate<String> matcher(String pattern) {
        try {
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            return path -> {
                try {
                    return parsed.matches(PathContainer.parsePath(path));
                } catch (IllegalArgumentException undecodable) {
                    // A segment such as %zz cannot be decoded for matching: no endpoint has that path.
                    return false;
                }
            };
        } catch (PatternParseException antStyle) {
            AntPathMatcher ant = new AntPathMatcher();
            return path -> ant.match(pattern, path);
        }
    }
}
