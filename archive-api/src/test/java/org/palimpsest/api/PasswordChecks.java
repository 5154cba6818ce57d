package org.palimpsest.api;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts how often the application's password encoder is asked to check a password, by wrapping the
 * {@code passwordEncoder} bean itself, so a test can tell a sign-in that paid the slow hash from one that did not.
 */
public final class PasswordChecks implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final AtomicInteger checks = new AtomicInteger();

    public PasswordChecks(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** How many passwords were checked against a hash so far. */
    public int count() {
        return checks.get();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.incrementAndGet();
        return encoder.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return "passwordEncoder".equals(name) && bean instanceof PasswordEncoder encoder
                            ? new PasswordChecks(encoder) : bean;
                }
            };
        }
    }
}
