package org.palimpsest.api.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.cli.PalimpsestCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive as a child JVM on a data directory of the test's, started with the test's own classpath so
 * that it runs exactly the code under test, and killable the hard way ({@code destroyForcibly}, SIGKILL).
 */
final class ArchiveProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Given once only: Spring would join two values of one option into a list, which is no duration. */
    static final String READ_TIMEOUT = "--palimpsest.read-timeout=";

    private final Process process;
    private final int port;

    private ArchiveProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ArchiveProcess start(Path dataDir, Path log, String... extraArguments) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                PalimpsestCommand.class.getName(),
                "--server.port=" + port,
                "--palimpsest.data-dir=" + dataDir,
                "--palimpsest.samples=false",
                "--spring.main.banner-mode=off"));
        if (List.of(extraArguments).stream().noneMatch(a -> a.startsWith(READ_TIMEOUT))) {
            // Answers come soon after the log has the facts (202 while a view lags), so that a kill lands
            // between an answer and the store's next background write, if it has one.
            command.add(READ_TIMEOUT + "200ms");
        }
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ArchiveProcess archive = new ArchiveProcess(process, port);
        archive.awaitHealthy(log);
        return archive;
    }

    /** The child's process id, which begins its token-store node id ({@code pid@host/…}). */
    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET as {@code user}, a demo account (its password is its name). */
    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, null, null);
    }

    /**
     * A request as {@code user}, a demo account (its password is its name), with {@code body} as JSON when there is
     * one and {@code If-Match} when {@code ifMatch} is given.
     */
    HttpResponse<String> send(String method, String path, String user, @Nullable Object body, @Nullable String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        // The child runs with the demo accounts, whose password is the account name.
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Every event of the log, as the audit stream gives them (NDJSON). */
    List<JsonNode> auditEvents() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/audit/events", "auditor");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/audit/events answered " + answer.statusCode() + ": " + answer.body());
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** SIGKILL: no shutdown hook, no graceful close of the store. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the archive exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the archive did not become healthy within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
