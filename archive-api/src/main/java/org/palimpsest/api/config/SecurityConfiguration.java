package org.palimpsest.api.config;

import java.util.List;
import org.palimpsest.api.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Roles from DESIGN.md: reader, annotator, editor, auditor, admin. Stronger roles include weaker ones
 * through the hierarchy, so each endpoint names only the least role it needs. HTTP Basic over a stateless
 * API, so no session and no CSRF token (there is no cookie to ride on).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, PalimpsestProperties properties, ProblemResponses problems)
            throws Exception {
        boolean anonymousRead = properties.securityOrDefault().anonymousRead();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send HTTP Basic credentials of an archive account.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"palimpsest\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "Send HTTP Basic credentials of an archive account.");
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                                        "Your account lacks the role this request needs.")))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll();
                    auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    auth.requestMatchers(HttpMethod.POST, "/api/documents/*/fixes/*/*").hasRole("EDITOR");
                    auth.requestMatchers(HttpMethod.POST, "/api/documents/*/fixes").hasRole("ANNOTATOR");
                    auth.requestMatchers(HttpMethod.POST, "/api/documents", "/api/documents/**").hasRole("EDITOR");
                    auth.requestMatchers(HttpMethod.GET, "/api/documents/*/history").hasRole("AUDITOR");
                    auth.requestMatchers("/api/audit/**").hasRole("AUDITOR");
                    auth.requestMatchers("/api/admin/**").hasRole("ADMIN");
                    String[] readable = {"/api/documents", "/api/documents/**", "/api/timeline", "/api/emails", "/api/emails/**"};
                    if (anonymousRead) {
                        auth.requestMatchers(HttpMethod.GET, readable).permitAll();
                    } else {
                        auth.requestMatchers(HttpMethod.GET, readable).hasRole("READER");
                    }
                    auth.requestMatchers("/actuator/**").hasRole("ADMIN");
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PalimpsestProperties properties) {
        List<PalimpsestProperties.User> configured = properties.securityOrDefault().users();
        if (configured.isEmpty()) {
            log.warn("no accounts configured (palimpsest.security.users): only anonymous reads are possible");
        }
        configured.stream()
                .filter(u -> u.password().startsWith("{noop}"))
                .forEach(u -> log.warn("account '{}' has a plain-text password: fine for a local run, not for production", u.name()));
        List<UserDetails> accounts = configured.stream()
                .map(u -> User.withUsername(u.name())
                        .password(u.password())
                        .roles(u.roles().stream().map(String::toUpperCase).toArray(String[]::new))
                        .build())
                .map(UserDetails.class::cast)
                .toList();
        return new InMemoryUserDetailsManager(accounts);
    }
}
