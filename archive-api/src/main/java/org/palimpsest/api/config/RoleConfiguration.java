package org.palimpsest.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The roles of DESIGN.md and how they include each other: stronger roles hold every weaker one, so checks
 * name only the least role needed. Kept apart from the web security so command-line runs know it too.
 */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_ADMIN > ROLE_AUDITOR
                ROLE_EDITOR > ROLE_ANNOTATOR
                ROLE_ANNOTATOR > ROLE_READER
                ROLE_AUDITOR > ROLE_READER
                """);
    }
}
