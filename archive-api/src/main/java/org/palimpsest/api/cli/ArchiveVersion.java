package org.palimpsest.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build recorded ({@code META-INF/build-info.properties}) and the Java running it. */
final class ArchiveVersion implements IVersionProvider {

    static final String BUILD_INFO = "META-INF/build-info.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"palimpsest " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }

    static String version() throws IOException {
        try (InputStream in = ArchiveVersion.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                return "(unknown: built without " + BUILD_INFO + ")";
            }
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("build.version", "(unknown)");
        }
    }
}
