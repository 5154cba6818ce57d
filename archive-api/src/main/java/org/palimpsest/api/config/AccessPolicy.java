package org.palimpsest.api.config;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.user.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: one ordered table of path pattern × method → the least role needed, read top down, first match
 * wins, and anything no row matches is denied. {@link SecurityConfiguration} enforces exactly this table and the
 * access test walks every mapped endpoint against it, so the two cannot drift apart.
 *
 * <p>A row for GET covers HEAD as well (HEAD is GET without the body, and must not be a way around a rule). OPTIONS
 * is public everywhere: it answers only the allowed methods, which the public OpenAPI description lists anyway.
 * Stronger roles include weaker ones ({@link RoleConfiguration}). Whether a caller may change <em>this</em>
 * annotation (its creator, or an editor moderating) is the aggregate's decision, not this table's.
 */
public final class AccessPolicy {

    /** What a row demands. */
    public enum Access {
        /** anyone, signed in or not */
        PUBLIC,
        /** any account, whatever its roles */
        SIGNED_IN,
        /** readers, or anyone when anonymous reads are on ({@code palimpsest.security.anonymous-read}) */
        READ,
        ANNOTATOR,
        EDITOR,
        AUDITOR,
        ADMIN;

        /** The least role, or null when none is needed (with anonymous reads on for {@link #READ}). */
        public @Nullable Role role(boolean anonymousRead) {
            return switch (this) {
                case PUBLIC, SIGNED_IN -> null;
                case READ -> anonymousRead ? null : Role.READER;
                case ANNOTATOR -> Role.ANNOTATOR;
                case EDITOR -> Role.EDITOR;
                case AUDITOR -> Role.AUDITOR;
                case ADMIN -> Role.ADMIN;
            };
        }
    }

    /** One row; a null method means every method. */
    public record Rule(@Nullable HttpMethod method, String pattern, Access access) {

        private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

        boolean matches(HttpMethod requested, String path) {
            HttpMethod asked = HttpMethod.HEAD.equals(requested) ? HttpMethod.GET : requested;
            if (method != null && !method.equals(asked)) {
                return false;
            }
            PathPattern parsed = PARSER.parse(pattern);
            return parsed.matches(PathContainer.parsePath(path));
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.OPTIONS, "/**", Access.PUBLIC),
            // Error pages are dispatched inside the server and keep the original status.
            new Rule(null, "/error", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/health", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/health/**", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/actuator/info", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/v3/api-docs", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/v3/api-docs.yaml", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/swagger-ui.html", Access.PUBLIC),
            new Rule(HttpMethod.GET, "/swagger-ui/**", Access.PUBLIC),
            new Rule(null, "/actuator/**", Access.ADMIN),
            new Rule(null, "/api/admin/**", Access.ADMIN),
            new Rule(null, "/api/audit/**", Access.AUDITOR),
            new Rule(HttpMethod.PUT, "/api/account/password", Access.SIGNED_IN),
            new Rule(HttpMethod.GET, "/api/documents/*/history", Access.AUDITOR),
            new Rule(HttpMethod.POST, "/api/documents/*/fixes/*/accept", Access.EDITOR),
            new Rule(HttpMethod.POST, "/api/documents/*/fixes/*/reject", Access.EDITOR),
            new Rule(HttpMethod.POST, "/api/documents/*/fixes/*/revert", Access.EDITOR),
            // Proposing is for annotators; ?accept=true (propose and accept at once) is checked by the controller.
            new Rule(HttpMethod.POST, "/api/documents/*/fixes", Access.ANNOTATOR),
            new Rule(HttpMethod.POST, "/api/documents", Access.EDITOR),
            new Rule(HttpMethod.GET, "/api/documents", Access.READ),
            new Rule(HttpMethod.GET, "/api/documents/**", Access.READ),
            new Rule(HttpMethod.GET, "/api/timeline", Access.READ),
            new Rule(HttpMethod.GET, "/api/emails", Access.READ),
            new Rule(HttpMethod.GET, "/api/emails/**", Access.READ),
            new Rule(HttpMethod.POST, "/annotations", Access.ANNOTATOR),
            new Rule(HttpMethod.POST, "/annotations/", Access.ANNOTATOR),
            new Rule(HttpMethod.POST, "/annotations/*/hide", Access.EDITOR),
            new Rule(HttpMethod.POST, "/annotations/*/unhide", Access.EDITOR),
            new Rule(HttpMethod.POST, "/annotations/*/restore", Access.ANNOTATOR),
            new Rule(HttpMethod.PUT, "/annotations/*", Access.ANNOTATOR),
            new Rule(HttpMethod.DELETE, "/annotations/*", Access.ANNOTATOR),
            new Rule(HttpMethod.GET, "/annotations", Access.READ),
            new Rule(HttpMethod.GET, "/annotations/**", Access.READ));

    private AccessPolicy() {
    }

    /** The first row matching, or empty when the request falls to the final deny. */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
