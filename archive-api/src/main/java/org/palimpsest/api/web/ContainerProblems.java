package org.palimpsest.api.web;

import java.util.Set;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Problem answers for requests refused below Spring MVC: by Spring Security's firewall (the rejection is handed to
 * {@link ProblemHandler} like any other exception) and by Tomcat itself (its error report valve is replaced by
 * {@link ProblemReportValve}). Errors that Tomcat dispatches to the error page reach {@link ProblemErrorController}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ContainerProblems {

    /**
     * Methods the firewall lets through; it refuses any other ({@code PROPFIND}, {@code FOO}) before anything else, as
     * a malformed request. It is a well-formed request for a method this archive does not have: 405 with the methods
     * the path does have, as Spring MVC answers a standard method a path lacks.
     */
    private static final Set<String> FIREWALL_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Spring Security picks this bean up for its firewall; the default answers with a bare status and no body. */
    @Bean
    RequestRejectedHandler problemForRejectedRequest(
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver, MappedMethods methods) {
        return (request, response, rejection) -> {
            Exception refusal = FIREWALL_METHODS.contains(request.getMethod()) ? rejection
                    : new HttpRequestMethodNotSupportedException(request.getMethod(), methods.at(request.getRequestURI()));
            if (resolver.getObject().resolveException(request, response, null, refusal) == null) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    /** Replaces the plain error report valve Boot's own Tomcat customizer installs on the host. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(ProblemResponses problems,
                                                                                 MappedMethods methods) {
        // Unordered, so it runs after Boot's customizer and its context customizer after Boot's valve is in.
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                // The host adds a valve of this class at start unless one is there already: ours is.
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve(problems, methods));
        });
    }
}
