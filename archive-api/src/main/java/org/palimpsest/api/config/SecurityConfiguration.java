package org.palimpsest.api.config;

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
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * HTTP security: stateless HTTP Basic (no session, so no CSRF token: there is no cookie to ride on), every request
 * authorized by the one {@link AccessPolicy} table with deny as the last word, failed sign-ins throttled, and the
 * browser-facing headers (CSP, frame and referrer policy, nosniff) on every answer, errors included.
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

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, PalimpsestProperties properties, ProblemResponses problems,
                                    AuthenticationManager archiveAuthentication, LoginThrottle throttle,
                                    MappedMethods mappedMethods) throws Exception {
        boolean anonymousRead = properties.securityOrDefault().anonymousRead();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"palimpsest\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send HTTP Basic credentials of an archive account.");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(archiveAuthentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                                        "Your account lacks the role this request needs.")))
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
