package org.palimpsest.archive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every analyser the import and the text projections run costs time, allocation and output linear in its text, on
 * adversarial texts of three sizes in the ratio 1 : 4 : 16 ({@link AdversarialText}). Growing the text 4 times may
 * grow the time, the bytes allocated and the output at most {@value #STEP_BOUND} times, and 16 times at most
 * {@value #SPAN_BOUND} times: three times linear, room for noise on shared machines, while a quadratic analyser grows
 * 16 and 256 times and fails. The output is also bounded outright: at most {@value #OUTPUT_PER_CHAR} units (records
 * and characters of text they hold) per character of input.
 *
 * <p>Sizes: the default unit of 1 MB gives 1, 4 and 16 MB, the sizes the archive accepts, so the build proves what it
 * promises (about ten minutes on two cores); {@code -Dpalimpsest.scaling.unit=64k} runs 64 KB, 256 KB and 1 MB for a
 * quick look while working, and {@code -Dpalimpsest.scaling.analysers=} a comma-separated list of name parts picks
 * analysers. Times are the CPU time of the analysing thread, not the wall
 * clock: on a shared two-core machine the wall clock also counts other processes and the collector's pauses, which
 * grow with the heap a run needs rather than with the analyser's work (the bytes allocated are bounded separately).
 * They are the best of a few runs after a warm-up, and a cell that fails is measured twice more (keeping the best times), so that a stall of a busy machine
 * does not decide; each run is stopped once it exceeds its bound, so a quadratic analyser fails in bounded time
 * instead of hanging the build.
 */
class AnalysisScalingTest {

    private static final Logger log = LoggerFactory.getLogger(AnalysisScalingTest.class);

    static final int STEP_BOUND = 4 * 3;
    static final int SPAN_BOUND = 16 * 3;
    static final int OUTPUT_PER_CHAR = 4;
    /** Times under this are measurement noise: ratios are taken against at least this. */
    private static final double FLOOR_MS = 50;
    /** Times a failing cell is measured again before it counts as failed. */
    private static final int RETRIES = 2;
    /** Bytes allocated under this are noise too (a JIT compilation, a buffer). */
    private static final long FLOOR_BYTES = 4L << 20;

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scaling-test");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void everyAnalyserIsLinearOnEveryAdversarialShape() {
        int unit = unitBytes();
        int[] sizes = {unit, 4 * unit, 16 * unit};
        List<Analyser> analysers = selected();
        List<String> failures = new ArrayList<>();
        int measured = 0;
        for (AdversarialText shape : AdversarialText.values()) {
            String[] texts = new String[sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                texts[s] = shape.generate(sizes[s]);
            }
            for (Analyser analyser : analysers) {
                measure(analyser, shape, texts, failures);
                measured++;
            }
        }
        assertThat(analysers).as("analysers selected").isNotEmpty();
        assertThat(measured).as("cells measured").isEqualTo(AdversarialText.values().length * analysers.size());
        assertThat(failures).as("analysers that grow faster than linearly").isEmpty();
    }

    private void measure(Analyser analyser, AdversarialText shape, String[] texts, List<String> failures) {
        String cell = analyser.name() + " on " + shape;
        Run[] runs;
        List<String> found = new ArrayList<>();
        try {
            runs = measureOnce(analyser, texts, null);
            found = judge(cell, texts, runs);
            // A busy machine can stall one run; a superlinear analyser fails again, a stall does not come back.
            for (int retry = 0; retry < RETRIES && !found.isEmpty(); retry++) {
                log.info("{}: measuring again ({})", cell, found.get(0));
                runs = measureOnce(analyser, texts, runs);
                found = judge(cell, texts, runs);
            }
        } catch (TimeoutException e) {
            found = List.of(cell + ": " + e.getMessage());
        }
        found.forEach(f -> log.warn(f));
        failures.addAll(found);
    }

    /** Best of a few runs per size, also counting the runs of {@code before} when measuring again. */
    private Run[] measureOnce(Analyser analyser, String[] texts, Run @Nullable [] before) throws TimeoutException {
        int[] repeats = {3, 2, 1};
        Run[] runs = before == null ? new Run[texts.length] : before.clone();
        run(analyser, texts[0], Long.MAX_VALUE); // warm-up: class loading and JIT
        for (int s = 0; s < texts.length; s++) {
            // A run may take at most its bound times the smallest size's time (and a minute besides): past it, it has
            // failed already, and waiting for a quadratic analyser to finish could take hours.
            long limitMs = s == 0 ? Long.MAX_VALUE
                    : (long) ((s == 1 ? STEP_BOUND : SPAN_BOUND) * Math.max(runs[0].millis, FLOOR_MS)) + 60_000;
            for (int r = 0; r < repeats[s]; r++) {
                Run run = run(analyser, texts[s], limitMs);
                runs[s] = runs[s] == null ? run : runs[s].best(run);
            }
        }
        return runs;
    }

    private static List<String> judge(String cell, String[] texts, Run[] runs) {
        List<String> failures = new ArrayList<>();
        String ratios = String.format(Locale.ROOT, "%s: %d/%d/%d chars, %.0f/%.0f/%.0f ms, %d/%d/%d MB allocated, output %d/%d/%d",
                cell, texts[0].length(), texts[1].length(), texts[2].length(),
                runs[0].millis, runs[1].millis, runs[2].millis,
                runs[0].bytes >> 20, runs[1].bytes >> 20, runs[2].bytes >> 20,
                runs[0].output, runs[1].output, runs[2].output);
        log.info(ratios);
        check(failures, cell + " time", runs[0].millis, runs[1].millis, runs[2].millis, FLOOR_MS, ratios);
        check(failures, cell + " allocation", runs[0].bytes, runs[1].bytes, runs[2].bytes, FLOOR_BYTES, ratios);
        check(failures, cell + " output", runs[0].output, runs[1].output, runs[2].output, 1, ratios);
        for (int s = 0; s < texts.length; s++) {
            if (runs[s].output > (long) OUTPUT_PER_CHAR * texts[s].length() + 1) {
                failures.add(cell + " output " + runs[s].output + " exceeds " + OUTPUT_PER_CHAR + " per character of "
                        + texts[s].length() + " (" + ratios + ")");
            }
        }
        return failures;
    }

    private static void check(List<String> failures, String what, double small, double middle, double large,
                              double floor, String ratios) {
        double step = middle / Math.max(small, floor);
        double span = large / Math.max(small, floor);
        double lastStep = large / Math.max(middle, floor);
        if (step > STEP_BOUND || lastStep > STEP_BOUND || span > SPAN_BOUND) {
            failures.add(String.format(Locale.ROOT, "%s grows %.1f× then %.1f× (%.1f× over 16× the text; bounds %d× and %d×) — %s",
                    what, step, lastStep, span, STEP_BOUND, SPAN_BOUND, ratios));
        }
    }

    private Run run(Analyser analyser, String text, long limitMs) throws TimeoutException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Future<Run> future = worker.submit(() -> {
            // Garbage of the runs before must not be collected on this run's time.
            System.gc();
            long id = Thread.currentThread().getId();
            long bytes = threads.getThreadAllocatedBytes(id);
            long start = threads.getCurrentThreadCpuTime();
            long output = analyser.run().applyAsLong(text);
            return new Run((threads.getCurrentThreadCpuTime() - start) / 1e6, threads.getThreadAllocatedBytes(id) - bytes, output);
        });
        try {
            return future.get(limitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The worker cannot be stopped; a fresh one takes over and the stuck one dies with the JVM (daemon).
            worker.shutdownNow();
            startWorker();
            throw new TimeoutException("still running after " + limitMs + " ms on " + text.length()
                    + " characters, past its linear bound");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(analyser.name() + " failed", e.getCause());
        }
    }

    /** All analysers, or those whose names contain one of {@code -Dpalimpsest.scaling.analysers=a,b} (for a long run). */
    private static List<Analyser> selected() {
        String wanted = System.getProperty("palimpsest.scaling.analysers", "").strip();
        if (wanted.isEmpty()) {
            return Analysers.all();
        }
        List<String> names = List.of(wanted.split(","));
        return Analysers.all().stream().filter(a -> names.stream().anyMatch(n -> a.name().contains(n.strip()))).toList();
    }

    private static int unitBytes() {
        String unit = System.getProperty("palimpsest.scaling.unit", "1m").strip().toLowerCase(Locale.ROOT);
        int factor = unit.endsWith("m") ? 1 << 20 : unit.endsWith("k") ? 1 << 10 : 1;
        return Integer.parseInt(unit.replaceAll("[km]$", "")) * factor;
    }

    /** One run: CPU time, bytes the analyser's thread allocated, size of what it produced. */
    private record Run(double millis, long bytes, long output) {
        Run best(Run other) {
            return new Run(Math.min(millis, other.millis), Math.min(bytes, other.bytes), output);
        }
    }
}
