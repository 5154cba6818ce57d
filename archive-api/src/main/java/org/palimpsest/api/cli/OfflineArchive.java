package org.palimpsest.api.cli;

import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The archive without its web server, for one-shot commands; it opens the same store the server would. */
final class OfflineArchive {

    private OfflineArchive() {
    }

    static ConfigurableApplicationContext start(String... extraArguments) {
        SpringApplication app = new SpringApplication(PalimpsestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        // The bundled samples belong to a fresh server, not to a deliberate command.
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of("--palimpsest.samples=false",
                "--logging.level.root=WARN", "--logging.level.org.palimpsest.api.config=INFO"),
                java.util.Arrays.stream(extraArguments)).toArray(String[]::new);
        return app.run(arguments);
    }
}
