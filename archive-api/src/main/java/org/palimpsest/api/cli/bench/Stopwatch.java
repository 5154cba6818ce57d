package org.palimpsest.api.cli.bench;

/** Elapsed wall time since it was started; rates per second from it. */
final class Stopwatch {

    private final long started = System.nanoTime();

    static Stopwatch start() {
        return new Stopwatch();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    double millis() {
        return (System.nanoTime() - started) / 1e6;
    }

    double rate(long count) {
        return count / Math.max(seconds(), 1e-9);
    }
}
