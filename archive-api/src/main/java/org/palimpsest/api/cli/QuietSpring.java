package org.palimpsest.api.cli;

import java.util.Map;

/**
 * Spring as the one-shot commands start it: no banner, and logging to standard error with only the archive's own
 * warnings and errors ({@value #LOGGING_CONFIG}), so that standard output carries a command's results alone.
 */
final class QuietSpring {

    static final String LOGGING_CONFIG = "classpath:org/palimpsest/api/cli/logback-cli.xml";
    private static final Map<String, String> SETTINGS = Map.of(
            "spring.main.banner-mode", "off",
            "logging.config", LOGGING_CONFIG);

    private QuietSpring() {
    }

    /**
     * For every Spring application this process starts, the bench's scratch archive included. System properties, so
     * that a {@code -D} given on purpose (in {@code JAVA_OPTS}) is kept.
     */
    static void forThisProcess() {
        SETTINGS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** The same settings as defaults of one application, for commands run inside another process (tests). */
    static Map<String, Object> defaults() {
        return Map.copyOf(SETTINGS);
    }
}
