package org.palimpsest.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;
import org.palimpsest.api.PalimpsestProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * HTTP Basic as the OpenAPI description's security scheme, and each operation's requirement read from the one access
 * table ({@link AccessPolicy}): none for public operations, optional for reads while anonymous reads are on, required
 * for the rest. So Swagger UI offers "Authorize" and sends the credentials, and a generated client knows which calls
 * need them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenApiSecurity {

    static final String SCHEME = "basic";

    @Bean
    OpenApiCustomizer basicSignInFromTheAccessTable(PalimpsestProperties properties) {
        boolean anonymousRead = properties.securityOrDefault().anonymousRead();
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description(SecurityConfiguration.SIGN_IN));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    operation.setSecurity(requirements(AccessPolicy.ruleFor(HttpMethod.valueOf(method.name()),
                            concrete(path)), anonymousRead))));
        };
    }

    private static List<SecurityRequirement> requirements(Optional<AccessPolicy.Rule> rule, boolean anonymousRead) {
        SecurityRequirement basic = new SecurityRequirement().addList(SCHEME);
        if (rule.isEmpty()) {
            return List.of(basic);
        }
        AccessPolicy.Access access = rule.get().access();
        if (access == AccessPolicy.Access.PUBLIC) {
            return List.of();
        }
        if (access != AccessPolicy.Access.SIGNED_IN && access.role(anonymousRead) == null) {
            // Either way works: anonymously, or signed in (then hidden and deleted annotations of one's own show).
            return List.of(new SecurityRequirement(), basic);
        }
        return List.of(basic);
    }

    /** A path the template matches, for the table: {@code /annotations/{id}} becomes {@code /annotations/x}. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]*}", "x");
    }
}
