package org.palimpsest.api.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.palimpsest.api.PalimpsestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.palimpsest.api.user.ArchiveUserDetails;
import org.palimpsest.api.user.DemoAccounts;
import org.palimpsest.api.user.LoginThrottle;
import org.palimpsest.api.user.LoginThrottleFilter;
import org.palimpsest.api.user.RecentlyVerifiedPasswords;
import org.palimpsest.api.user.ThrottlingAuthenticationEvents;
import org.palimpsest.api.web.MappedMethods;
import org.palimpsest.api.web.ProblemResponses;
import org.palimpsest.archive.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * HTTP security: stateless HTTP Basic (no session, so no CSRF token: there is no cookie to ride on), every request
 * authorized by the one {@link AccessPolicy} table with deny as the last word (404 where no endpoint lives, see
 * {@link KnownPaths}), failed sign-ins throttled, cross-origin access only for configured origins
 * ({@link CrossOriginAccess}), and the browser-facing headers (CSP, frame and referrer policy, nosniff) on every
 * answer, errors included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * Same-origin everything, no framing. Inline styles are allowed because the bundled swagger-ui sets style
     * attributes; scripts stay 'self' only (swagger-ui's initializer is a file, not inline).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** What a 401 says: where credentials come from, for a person who has none yet. */
    static final String SIGN_IN = "Send HTTP Basic credentials of an archive account. Accounts are made by an administrator "
            + "(POST /api/admin/users) or on the archive's machine with ./palimpsest users add NAME --role ROLE; the first "
            + "start wrote the password of 'admin' to <data dir>/initial-admin-password. See README, Security.";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, PalimpsestProperties properties, ProblemResponses problems,
                                    AuthenticationManager archiveAuthentication, LoginThrottle throttle,
                                    MappedMethods mappedMethods,
                                    ObjectProvider<RequestMappingInfoHandlerMapping> mappings) throws Exception {
        boolean anonymousRead = properties.securityOrDefault().anonymousRead();
        KnownPaths knownPaths = new KnownPaths(mappings);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // A wrong password stays 401 wherever it was sent; only a missing one at an unknown path is a 404.
            if (e instanceof InsufficientAuthenticationException && !knownPaths.contains(request.getRequestURI())) {
                notFound(problems, request, response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"palimpsest\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required", SIGN_IN);
        };
        CrossOriginAccess.filter(properties.securityOrDefault().corsOrDefault(), problems)
                .ifPresent(cors -> http.addFilterAfter(cors, HeaderWriterFilter.class));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(archiveAuthentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) -> {
                            if (!knownPaths.contains(request.getRequestURI())) {
                                notFound(problems, request, response);
                                return;
                            }
                            problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                                    "Your account lacks the role this request needs.");
                        }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .authorizeHttpRequests(auth -> {
                    AccessPolicy.RULES.forEach(rule -> authorize(auth, rule, anonymousRead));
                    // A method the path does not have is refused by Spring MVC with 405 and its Allow header; that
                    // the path exists is no secret (OPTIONS says as much), and nothing runs for such a request.
                    auth.requestMatchers(request -> mappedMethods.lacks(request.getRequestURI(), request.getMethod()))
                            .permitAll();
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    private static void notFound(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problems.write(response, HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase(),
                "nothing lives at " + request.getRequestURI() + "; /v3/api-docs describes every path of the archive");
    }

    private static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                                  AccessPolicy.Rule rule, boolean anonymousRead) {
        Role role = rule.access().role(anonymousRead);
        List<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl> targets = new ArrayList<>();
        if (rule.method() == null) {
            targets.add(auth.requestMatchers(rule.pattern()));
        } else {
            targets.add(auth.requestMatchers(rule.method(), rule.pattern()));
            if (HttpMethod.GET.equals(rule.method())) {
                targets.add(auth.requestMatchers(HttpMethod.HEAD, rule.pattern()));
            }
        }
        for (AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl target : targets) {
            if (rule.access() == AccessPolicy.Access.SIGNED_IN) {
                target.authenticated();
            } else if (role == null) {
                target.permitAll();
            } else {
                target.hasRole(role.name());
            }
        }
    }

    /**
     * The archive's own accounts, preceded in demo mode by the demo accounts; outcomes feed the throttle. A password
     * that matched its stored hash is remembered for a few minutes ({@link RecentlyVerifiedPasswords}), so a client
     * that signs every request pays the slow hash once; the hash and the roles are still read on every request.
     */
    @Bean
    AuthenticationManager archiveAuthentication(ArchiveUserDetails accounts, PasswordEncoder encoder,
                                                PalimpsestProperties properties, LoginThrottle throttle) {
        DaoAuthenticationProvider stored = new DaoAuthenticationProvider(accounts);
        stored.setPasswordEncoder(new RecentlyVerifiedPasswords(encoder));
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (properties.securityOrDefault().demo()) {
            providers.add(new DemoAccounts());
        }
        providers.add(stored);
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(new ThrottlingAuthenticationEvents(throttle));
        return manager;
    }

    @Bean
    LoginThrottle loginThrottle(PalimpsestProperties properties, @Qualifier("loginThrottleClock") ObjectProvider<Clock> clock) {
        return new LoginThrottle(properties.securityOrDefault().loginThrottleOrDefault(), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Said last at start-up, where an operator looks, so demo mode is never on by accident; and accounts configured
     * the old way (which would otherwise be silently ignored) are pointed at their new home.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> demoModeWarning(PalimpsestProperties properties, Environment environment) {
        return event -> {
            if (environment.containsProperty("palimpsest.security.users[0].name")) {
                log.warn("palimpsest.security.users is no longer read: accounts live in the archive. Add them with "
                        + "POST /api/admin/users or ./palimpsest users add (README, Security)");
            }
            if (properties.securityOrDefault().demo()) {
                log.warn("""
                        
                        ***********************************************************************************
                        DEMO MODE: accounts {} sign in with their own name as password.
                        Anyone who can reach this port can change the archive. Never run --demo in production.
                        ***********************************************************************************""",
                        String.join(", ", DemoAccounts.NAMES));
            }
        };
    }
}
