package org.palimpsest.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.api.PalimpsestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh server start without demo mode, as an operator gets it: no account signs in but the generated {@code admin},
 * whose password sits in an owner-only file that a second start leaves alone.
 */
class FirstStartTest {

    /** Every name/password pair an attacker would try first, including what earlier versions shipped. */
    private static final List<String> GUESSES = List.of("reader", "annotator", "editor", "auditor", "admin", "user");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void onlyTheGeneratedAdministratorPasswordWorksAndItIsWrittenOnce() throws Exception {
        Path file = dataDir.resolve("initial-admin-password");
        String password;
        FileTime written;
        try (ConfigurableApplicationContext archive = start()) {
            int port = port(archive);
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            password = Files.readString(file).strip();
            written = Files.getLastModifiedTime(file);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);

            int refused = 0;
            for (String name : GUESSES) {
                assertThat(status(port, "/api/admin/users", name, name)).as(name + ":" + name).isEqualTo(401);
                assertThat(status(port, "/api/documents", name, name)).as(name + ":" + name + " on a readable path").isEqualTo(401);
                refused++;
            }
            assertThat(refused).isEqualTo(GUESSES.size());
            assertThat(status(port, "/api/admin/users", "admin", password)).isEqualTo(200);
            assertThat(body(port, "/api/admin/users", "admin", password)).contains("\"name\":\"admin\"").contains("\"roles\":[\"admin\"]");
        }

        try (ConfigurableApplicationContext archive = start()) {
            int port = port(archive);
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
            assertThat(status(port, "/api/admin/users", "admin", password)).isEqualTo(200);
            assertThat(status(port, "/api/admin/users", "admin", "admin")).isEqualTo(401);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PalimpsestApplication.class)
                .run("--server.port=0", "--palimpsest.data-dir=" + dataDir, "--spring.mongodb.uri=", "--palimpsest.samples=false");
    }

    private static int port(ConfigurableApplicationContext archive) {
        return Integer.parseInt(archive.getEnvironment().getProperty("local.server.port"));
    }

    private static int status(int port, String path, String name, String password) throws IOException, InterruptedException {
        return send(port, path, name, password).statusCode();
    }

    private static String body(int port, String path, String name, String password) throws IOException, InterruptedException {
        return send(port, path, name, password).body();
    }

    private static HttpResponse<String> send(int port, String path, String name, String password)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
