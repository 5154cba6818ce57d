package org.palimpsest.api.config;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.palimpsest.archive.projection.user.UserProjection;
import org.palimpsest.archive.user.User;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts, on the server and on the command line alike: the {@code User} aggregate, the directory sign-in reads
 * roles from, and how passwords are hashed.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    @Bean
    ConfigurerModule userAggregate() {
        return configurer -> configurer.configureAggregate(User.class);
    }

    @Bean
    UserProjection userProjection(@Qualifier("projectionDatabase") MongoDatabase projectionDatabase) {
        return new UserProjection(projectionDatabase);
    }

    /**
     * Spring Security's delegating encoder: new hashes are BCrypt ({@code {bcrypt}…}, cost 10), and a hash names its
     * algorithm, so a stronger default later still verifies the stored ones.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
