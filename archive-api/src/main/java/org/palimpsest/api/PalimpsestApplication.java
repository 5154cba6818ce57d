package org.palimpsest.api;

import org.palimpsest.api.cli.PalimpsestCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The archive as one executable: {@code serve} (the default) runs the HTTP API, other commands run once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PalimpsestApplication {

    public static void main(String[] args) {
        PalimpsestCommand.run(args);
    }
}
