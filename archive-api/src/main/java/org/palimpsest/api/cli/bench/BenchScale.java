package org.palimpsest.api.cli.bench;

import java.util.List;

/**
 * How much work each area does. {@code of(1)} is issue 11's sizes (20k and 200k stored events, a mix of about 840
 * events, 100 HTTP imports, as-of histories of 10, 1 000 and 10 000 versions); smaller factors keep the shape.
 */
public record BenchScale(int engineSmall, int engineLarge, int mixImports, int mixAnnotations, int mixEdits,
                         int mixFixRounds, int httpImports, int httpAnnotations, int httpEdits, int viewAnnotations,
                         int latencySamples, List<Integer> asOfVersions, int asOfQueries) {

    public static BenchScale of(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], was " + factor);
        }
        return new BenchScale(at(20_000, factor, 200), at(200_000, factor, 2_000), at(60, factor, 6),
                at(400, factor, 12), at(200, factor, 6), at(60, factor, 3), at(100, factor, 8), at(150, factor, 12),
                at(150, factor, 8), at(50, factor, 5), at(300, factor, 30),
                List.of(10, at(1_000, factor, 30), at(10_000, factor, 100)), at(300, factor, 30));
    }

    private static int at(int full, double factor, int least) {
        return Math.max(least, (int) Math.round(full * factor));
    }
}
