package org.palimpsest.api.cli.bench;

import java.io.PrintWriter;

/**
 * What the bench is doing, on standard error, so a run of several minutes never looks hung: a line per step and,
 * inside long steps, a count at most every two seconds.
 */
final class Progress {

    private static final long TICK_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final Stopwatch run = Stopwatch.start();
    private long lastTick = System.nanoTime();
    private String lastCount = "";

    Progress(PrintWriter err) {
        this.err = err;
    }

    void step(String what) {
        err.printf("bench %6.1fs  %s%n", run.seconds(), what);
        err.flush();
        lastTick = System.nanoTime();
    }

    void count(String what, long done, long total) {
        long now = System.nanoTime();
        String count = String.format("%s: %,d of %,d", what, done, total);
        // The end of a count is always shown, once, however soon it comes.
        if (now - lastTick >= TICK_NANOS || done >= total && !count.equals(lastCount)) {
            err.printf("bench %6.1fs    %s%n", run.seconds(), count);
            err.flush();
            lastTick = now;
            lastCount = count;
        }
    }

    double elapsedSeconds() {
        return run.seconds();
    }
}
