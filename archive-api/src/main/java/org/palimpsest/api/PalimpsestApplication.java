package org.palimpsest.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The archive's Spring application. Its entry point is {@code cli.PalimpsestCommand.main}, which runs the
 * HTTP API by default and the one-shot commands otherwise.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PalimpsestApplication {
}
