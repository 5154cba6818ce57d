package org.palimpsest.api.config;

import org.palimpsest.api.PalimpsestProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import org.palimpsest.archive.user.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running application maps (read from its handler mappings, the API's and Actuator's, not from a
 * list kept by hand), with every method it takes, HEAD for every GET and OPTIONS for every path, called as anonymous
 * and as each role, must be allowed or refused exactly as {@link AccessPolicy} says. Allowed means any status but
 * 401 and 403 (a made-up id answers 404, a missing body 400: authorization passed).
 */
class AccessPolicyTest extends ArchiveIntegrationTest {

    /** Anonymous (no credentials, the empty name) first, then every role as its demo account. */
    private static final List<String> CALLERS = List.of("", "reader", "annotator", "editor", "auditor", "admin");

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;
    @Autowired
    RoleHierarchy hierarchy;
    @Autowired
    PalimpsestProperties properties;

    record Call(HttpMethod method, String path) implements Comparable<Call> {

        @Override
        public int compareTo(Call other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    @Test
    void everyMappedEndpointAndMethodIsAuthorizedForEachRoleExactlyAsTheTableSays() {
        Set<Call> calls = mappedCalls();
        assertThat(calls).as("the walk must see the whole API")
                .contains(new Call(HttpMethod.HEAD, "/api/documents/x/history"),
                        new Call(HttpMethod.OPTIONS, "/api/documents"),
                        new Call(HttpMethod.POST, "/api/admin/users"),
                        new Call(HttpMethod.GET, "/actuator/health"))
                .hasSizeGreaterThan(80);

        List<String> unexpected = new ArrayList<>();
        int allowed = 0;
        int denied = 0;
        for (Call call : calls) {
            for (String caller : CALLERS) {
                boolean expected = expectedAllowed(call, caller);
                int status = send(call, caller);
                boolean actual = status != 401 && status != 403;
                if (actual != expected) {
                    unexpected.add(call.method() + " " + call.path() + " as " + (caller.isEmpty() ? "anonymous" : caller)
                            + ": " + status + ", table says " + (expected ? "allow" : "deny"));
                }
                if (actual) {
                    allowed++;
                } else {
                    denied++;
                }
            }
        }
        assertThat(unexpected).as("unexpected allows and denies").isEmpty();
        assertThat(allowed).isPositive();
        assertThat(denied).isPositive();
    }

    @Test
    void everyMappedEndpointHasARowOfItsOwnRatherThanFallingToTheFinalDeny() {
        List<String> uncovered = mappedCalls().stream()
                .filter(call -> AccessPolicy.ruleFor(call.method(), call.path()).isEmpty())
                .map(call -> call.method() + " " + call.path())
                .toList();
        assertThat(uncovered).isEmpty();
    }

    @Test
    void optionsAnswersOnlyTheAllowedMethodsToAnyoneWithoutCorsOrBody() {
        int checked = 0;
        for (Call call : mappedCalls()) {
            if (!call.method().equals(HttpMethod.OPTIONS)) {
                continue;
            }
            Response answer = send(request(call.path()).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(answer.status()).as(call.path()).isEqualTo(200);
            assertThat(answer.header("Allow")).as(call.path()).isNotBlank();
            assertThat(answer.header("Access-Control-Allow-Origin")).as(call.path()).isNull();
            assertThat(answer.raw().body()).as(call.path()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    private boolean expectedAllowed(Call call, String caller) {
        return AccessPolicy.ruleFor(call.method(), call.path()).map(rule -> switch (rule.access()) {
            case PUBLIC -> true;
            case SIGNED_IN -> !caller.isEmpty();
            default -> {
                Role needed = rule.access().role(properties.securityOrDefault().anonymousRead());
                yield needed == null || (!caller.isEmpty() && reachable(caller).contains("ROLE_" + needed.name()));
            }
        }).orElse(false);
    }

    private Set<String> reachable(String role) {
        Collection<? extends GrantedAuthority> granted = hierarchy.getReachableGrantedAuthorities(
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.parse(role).name())));
        Set<String> names = new TreeSet<>();
        granted.forEach(a -> names.add(a.getAuthority()));
        return names;
    }

    private int send(Call call, String caller) {
        HttpRequest.Builder builder = caller.isEmpty() ? request(call.path()) : request(call.path(), caller);
        return send(builder.method(call.method().name(), HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    private Set<Call> mappedCalls() {
        Set<Call> calls = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<HttpMethod> methods = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
                if (methods.isEmpty()) {
                    // Mapped for every method (e.g. /error): the common ones stand for the rest.
                    methods.addAll(Arrays.asList(HttpMethod.GET, HttpMethod.POST));
                }
                for (String pattern : info.getPatternValues()) {
                    String path = concrete(pattern);
                    for (HttpMethod method : methods) {
                        calls.add(new Call(method, path));
                        if (method.equals(HttpMethod.GET)) {
                            calls.add(new Call(HttpMethod.HEAD, path));
                        }
                    }
                    calls.add(new Call(HttpMethod.OPTIONS, path));
                }
            }
        }
        return calls;
    }

    /** A path the pattern matches: each variable or wildcard becomes {@code x}, an id nothing in the archive has. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }
}
