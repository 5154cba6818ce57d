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
        if (now - lastTick >= TICK_NANOS || done == total) {
            err.printf("bench %6.1fs    %s: %,d of %,d%n", run.seconds(), what, done, total);
            err.flush();
            lastTick = now;
        }
    }

    double elapsedSeconds() {
        return run.seconds();
    }
}
