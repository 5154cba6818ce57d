package org.palimpsest.api;

import org.palimpsest.api.cli.PalimpsestCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The archive as one executable: {@code serve} (the default) runs the HTTP API, other commands run once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PalimpsestApplication {

    public static void main(String[] args) {
        // An archive does not phone home: Axon's update checker stays off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        PalimpsestCommand.run(args);
    }
}
