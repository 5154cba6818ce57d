package org.palimpsest.api.cli;

import java.util.Arrays;
import java.util.stream.Stream;
import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The archive without its web server, for one-shot commands; it opens the same store the server would. */
final class OfflineArchive {

    private OfflineArchive() {
    }

    /** @throws ArchiveUnavailableException when the archive cannot be opened (its store in use, unreachable, …) */
    static ConfigurableApplicationContext start(String... extraArguments) {
        SpringApplication app = new SpringApplication(PalimpsestApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(QuietSpring.defaults());
        // The bundled samples belong to a fresh server, not to a deliberate command.
        String[] arguments = Stream.concat(Stream.of("--palimpsest.samples=false"), Arrays.stream(extraArguments))
                .toArray(String[]::new);
        try {
            return app.run(arguments);
        } catch (RuntimeException e) {
            throw new ArchiveUnavailableException(e);
        }
    }
}
