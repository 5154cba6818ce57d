package org.palimpsest.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.palimpsest.api.cli.bench.Bench;
import org.palimpsest.api.cli.bench.BenchScale;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: issue 11's figures from one run on a scratch archive, each beside the raw driver's rate measured in
 * the same run, as a ratio with PASS/FAIL against its target. Ratios are what to compare between machines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Measure the engine, projections, rebuild, HTTP, as-of reads and storage on a scratch archive, "
                + "each beside the raw driver's rate from the same run.",
        footer = {"", "The scratch directory is deleted afterwards, also when the run is interrupted (Ctrl-C).",
                "Exit status 0 when it ran (targets missed are printed as FAIL), 1 when the views disagreed with a replay."})
final class BenchCommand implements Callable<Integer> {

    /** How long a stopped run's clean-up waits for the bench to give up before deleting under it. */
    private static final Duration CLEAN_UP_WAIT = Duration.ofSeconds(10);
    /** How long the directory must stay gone before a stopped process may halt; and the most that is waited for it. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(10);

    @Option(names = "--scale", defaultValue = "1",
            description = "fraction of issue 11's sizes, in (0, 1] (default ${DEFAULT-VALUE}: 20k/200k engine events, "
                    + "a mix of ~840 events, 100 HTTP imports, as-of at 10/1 000/10 000 versions)")
    double scale;

    @Option(names = "--scratch-in", defaultValue = "${sys:java.io.tmpdir}", paramLabel = "DIR",
            description = "where the scratch directory is made (default ${DEFAULT-VALUE})")
    Path scratchIn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The run's own directory, which the bench's scratch archive lies in: deleted here however the run ends. A
        // stopped process (Ctrl-C, SIGTERM) runs its shutdown hooks while this thread goes on, and halts when they are
        // done; so the hook waits a little for this thread's own clean-up, then deletes until nothing reappears.
        Path run = Files.createTempDirectory(Files.createDirectories(scratchIn), "palimpsest-bench-run");
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread bench = Thread.currentThread();
        Thread stopped = new Thread(() -> {
            // Whatever the bench waits on or writes with now fails, so it reaches its clean-up sooner.
            bench.interrupt();
            awaitQuietly(cleanedUp);
            deleteUntilQuiet(run);
        }, "bench-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            return new Bench(BenchScale.of(scale), run, out, err).run() ? ExitStatus.DONE : ExitStatus.REFUSED;
        } finally {
            delete(run);
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // Stopped: the hook is running.
            }
        }
    }

    private static void awaitQuietly(CountDownLatch cleanedUp) {
        try {
            cleanedUp.await(CLEAN_UP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes, and again whenever the bench's threads, still running, write the directory anew. */
    private static void deleteUntilQuiet(Path run) {
        long deadline = System.nanoTime() + QUIET_AT_MOST.toNanos();
        long goneSince = -1;
        while (System.nanoTime() < deadline) {
            if (Files.exists(run)) {
                delete(run);
                goneSince = System.nanoTime();
            } else if (goneSince < 0) {
                goneSince = System.nanoTime();
            } else if (System.nanoTime() - goneSince >= QUIET.toNanos()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A few tries: while the process shuts down, the scratch archive may still be writing into the directory. */
    private static void delete(Path directory) {
        for (int attempt = 1; ; attempt++) {
            try {
                FileSystemUtils.deleteRecursively(directory);
                return;
            } catch (IOException stillWritten) {
                if (attempt == 5) {
                    System.err.println("bench: could not delete " + directory + ": " + stillWritten.getMessage());
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
