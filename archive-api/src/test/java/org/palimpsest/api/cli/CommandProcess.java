package org.palimpsest.api.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./palimpsest COMMAND…} as a child JVM on the test's own classpath (so it runs exactly the code under test),
 * through the real entry point, with standard output and standard error kept apart.
 */
final class CommandProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path out;
    private final Path err;

    private CommandProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** What a finished command left: its exit status and both streams. */
    record Finished(int status, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Starts the command on {@code dataDir} (the embedded store, whatever the environment says); {@code files} holds its output. */
    static CommandProcess start(Path dataDir, Path files, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dpalimpsest.data-dir=" + dataDir, "-Dspring.mongodb.uri=",
                "-cp", System.getProperty("java.class.path"),
                PalimpsestCommand.class.getName()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(files, "stdout-", ".txt");
        Path err = Files.createTempFile(files, "stderr-", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        // Nothing to read: a command that asks for input sees its end at once.
        process.getOutputStream().close();
        return new CommandProcess(process, out, err);
    }

    static Finished run(Path dataDir, Path files, String... arguments) throws IOException, InterruptedException {
        return start(dataDir, files, arguments).await();
    }

    Finished await() throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the command did not finish within " + TIMEOUT + "; stderr:\n" + read(err));
        }
        return new Finished(process.exitValue(), read(out), read(err));
    }

    /** SIGTERM, as a Ctrl-C or a service manager stops a process: shutdown hooks run. */
    Finished terminate() throws IOException, InterruptedException {
        process.destroy();
        return await();
    }

    boolean alive() {
        return process.isAlive();
    }

    String errSoFar() throws IOException {
        return read(err);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
