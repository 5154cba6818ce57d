package org.palimpsest.api.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.palimpsest.api.PalimpsestApplication;
import org.palimpsest.api.user.Accounts;
import org.palimpsest.api.user.NewPassword;
import org.palimpsest.archive.user.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole archive, web server included, on a random port over the embedded store in a scratch data directory,
 * with one account (editor, random password) for the HTTP clients. Nothing in it is kept: the data directory
 * is deleted by whoever made it (see {@link #deleteRecursively}).
 */
final class ScratchArchive implements AutoCloseable {

    static final String ACCOUNT = "bench";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final String password;
    private final int port;

    private ScratchArchive(ConfigurableApplicationContext context, Path dataDir, String password, int port) {
        this.context = context;
        this.dataDir = dataDir;
        this.password = password;
        this.port = port;
    }

    static ScratchArchive start(Path dataDir) {
        SpringApplication app = new SpringApplication(PalimpsestApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setLogStartupInfo(false);
        ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--palimpsest.data-dir=" + dataDir,
                // No URI: the embedded server, as a fresh install runs.
                "--spring.mongodb.uri=",
                "--palimpsest.samples=false",
                "--palimpsest.read-timeout=30m",
                // The shipped default, stated because the reading-view latency is timed without a password check per request
                // (signed-in reads, which check a remembered password, are timed separately).
                "--palimpsest.security.anonymous-read=true",
                "--logging.level.root=WARN",
                "--logging.level.org.palimpsest.api.user=ERROR");
        try {
            // An account of our own, its password generated as for any account added without one; never a default.
            NewPassword password = context.getBean(Accounts.class).add(ACCOUNT, Set.of(Role.EDITOR), null, "cli:bench");
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            return new ScratchArchive(context, dataDir, password.value(), port);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String password() {
        return password;
    }

    Path dataDir() {
        return dataDir;
    }

    long dataDirBytes() {
        return bytesUnder(dataDir);
    }

    @Override
    public void close() {
        context.close();
    }

    static long bytesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(ScratchArchive::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
