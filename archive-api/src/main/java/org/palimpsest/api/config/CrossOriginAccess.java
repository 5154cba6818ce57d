package org.palimpsest.api.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.palimpsest.api.PalimpsestProperties;
import org.palimpsest.api.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Which browser pages from other origins may call the API ({@code palimpsest.security.cors.allowed-origins}, none by
 * default). A preflight is answered by the filter itself, before sign-in is asked for: browsers never send credentials
 * with one. The answers to real requests name the origin and expose the headers the protocols need ({@code ETag},
 * {@code Location}, {@code Link} …). Credentials are not "allowed" in the CORS sense: a client sends its
 * {@code Authorization} header itself, so a browser never attaches remembered Basic credentials to a cross-origin
 * call on its own. A request from an origin not in the list is refused with a 403 problem.
 */
final class CrossOriginAccess {

    /** An origin is a scheme, a host and an optional port: nothing after them (a trailing slash is tolerated). */
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+/?");
    static final List<String> METHODS = List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
            HttpMethod.PUT.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name());
    /** What clients send beyond the CORS-safelisted headers: sign-in, bodies, preconditions, Memento, LDP. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Accept-Datetime", "Prefer", "Slug");
    /** What clients read beyond the CORS-safelisted headers. */
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LINK,
            HttpHeaders.ALLOW, HttpHeaders.VARY, HttpHeaders.CONTENT_LOCATION, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE, "Memento-Datetime", "Accept-Post", "Preference-Applied");
    private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

    private CrossOriginAccess() {
    }

    /** The filter for the configured origins, or empty when there are none (then no answer carries CORS headers). */
    static Optional<CorsFilter> filter(PalimpsestProperties.Cors cors, ProblemResponses problems) {
        List<String> origins = cors.allowedOriginsOrDefault();
        if (origins.isEmpty()) {
            return Optional.empty();
        }
        for (String origin : origins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw new IllegalStateException("palimpsest.security.cors.allowed-origins: '" + origin
                        + "' is not an origin; write scheme, host and port only, such as https://annotator.example");
            }
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(PREFLIGHT_CACHE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new RefusingWithProblem(problems));
        return Optional.of(filter);
    }

    /** Spring's CORS checks, with the archive's problem instead of a plain-text "Invalid CORS request". */
    private static final class RefusingWithProblem extends DefaultCorsProcessor {

        private final ProblemResponses problems;

        RefusingWithProblem(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            problems.write(servlet, HttpStatus.FORBIDDEN, "Origin not allowed",
                    "this origin, method or header is not allowed to call the archive from a browser; an operator "
                            + "allows origins with palimpsest.security.cors.allowed-origins");
        }
    }
}
