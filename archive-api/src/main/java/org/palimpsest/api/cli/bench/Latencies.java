package org.palimpsest.api.cli.bench;

import java.util.Arrays;

/** Median and 99th percentile of a series of timed calls, in milliseconds. */
record Latencies(double p50, double p99, int samples) {

    static Latencies of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(percentile(sorted, 50), percentile(sorted, 99), sorted.length);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
