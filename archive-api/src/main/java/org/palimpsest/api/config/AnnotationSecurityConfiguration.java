package org.palimpsest.api.config;

import org.palimpsest.api.web.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what under {@code /annotations/}, the W3C Web Annotation Protocol container. Its own chain, ahead of
 * the API's, with the same stateless HTTP Basic and problem answers; the role hierarchy bean makes each rule name
 * the least role needed. Whether a caller may change a given annotation (creator, or an editor moderating) is the
 * aggregate's decision, not this chain's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AnnotationSecurityConfiguration {

    private static final String[] CONTAINER = {"/annotations", "/annotations/"};

    @Bean
    @Order(10)
    SecurityFilterChain annotationSecurity(HttpSecurity http, PalimpsestProperties properties, ProblemResponses problems)
            throws Exception {
        boolean anonymousRead = properties.securityOrDefault().anonymousRead();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"palimpsest\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send HTTP Basic credentials of an archive account.");
        };
        http.securityMatcher("/annotations", "/annotations/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                                        "Your account lacks the role this request needs.")))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.OPTIONS, "/annotations", "/annotations/**").permitAll();
                    auth.requestMatchers(HttpMethod.POST, "/annotations/*/hide", "/annotations/*/unhide").hasRole("EDITOR");
                    auth.requestMatchers(HttpMethod.POST, CONTAINER).hasRole("ANNOTATOR");
                    auth.requestMatchers(HttpMethod.POST, "/annotations/*/restore").hasRole("ANNOTATOR");
                    auth.requestMatchers(HttpMethod.PUT, "/annotations/*").hasRole("ANNOTATOR");
                    auth.requestMatchers(HttpMethod.DELETE, "/annotations/*").hasRole("ANNOTATOR");
                    for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
                        if (anonymousRead) {
                            auth.requestMatchers(read, "/annotations", "/annotations/**").permitAll();
                        } else {
                            auth.requestMatchers(read, "/annotations", "/annotations/**").hasRole("READER");
                        }
                    }
                    // Other methods reach MVC, which answers 405 with the Allow header.
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }
}
