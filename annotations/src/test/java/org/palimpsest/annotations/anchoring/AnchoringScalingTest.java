package org.palimpsest.annotations.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Anchoring a quote that is no longer verbatim in the text (a re-import) searches the whole text approximately; its
 * time and allocation grow linearly with the text, also where nearly every position is a candidate (a short quote in
 * a text made of its own words). Sizes 1, 4 and 16 MB by default ({@code -Dpalimpsest.scaling.unit=64k} for a quick
 * look); bounds three times linear, as in archive-core's {@code AnalysisScalingTest}.
 */
class AnchoringScalingTest {

    private static final int STEP_BOUND = 4 * 3;
    private static final int SPAN_BOUND = 16 * 3;
    private static final double FLOOR_MS = 50;
    private static final long FLOOR_BYTES = 4L << 20;

    private static final TextQuoteSelector QUOTE =
            new TextQuoteSelector("the board met on the ninth", "after a long week of talks ", " and voted to wait");

    @Test
    void anchoringIsLinearInTheText() {
        int unit = unitBytes();
        List<String> failures = new ArrayList<>();
        measure("own words repeated", n -> "the board met on the eighth and ".repeat(n / 32 + 1), unit, failures);
        measure("random letters", AnchoringScalingTest::randomLetters, unit, failures);
        measure("one long word", n -> "b".repeat(n), unit, failures);
        assertThat(failures).as("anchoring that grows faster than linearly").isEmpty();
    }

    private static void measure(String shape, IntFunction<String> generate, int unit, List<String> failures) {
        String[] texts = {generate.apply(unit), generate.apply(4 * unit), generate.apply(16 * unit)};
        anchor(texts[0]);
        double[] millis = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long[] bytes = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        List<String> found = List.of();
        // Measured again, best times kept, when a busy machine stalls a run: a superlinear search fails every time.
        for (int attempt = 0; attempt < 3 && (attempt == 0 || !found.isEmpty()); attempt++) {
            measureOnce(texts, millis, bytes);
            String summary = String.format(Locale.ROOT, "%s: %.0f/%.0f/%.0f ms, %d/%d/%d MB allocated", shape,
                    millis[0], millis[1], millis[2], bytes[0] >> 20, bytes[1] >> 20, bytes[2] >> 20);
            System.out.println("anchoring " + summary);
            found = new ArrayList<>();
            check(found, "time", millis[0], millis[1], millis[2], FLOOR_MS, summary);
            check(found, "allocation", bytes[0], bytes[1], bytes[2], FLOOR_BYTES, summary);
        }
        failures.addAll(found);
    }

    private static void measureOnce(String[] texts, double[] millis, long[] bytes) {
        for (int s = 0; s < 3; s++) {
            for (int r = 0; r < 3 - s; r++) {
                System.gc(); // garbage of the runs before is not this run's time
                ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
                long id = Thread.currentThread().getId();
                long before = threads.getThreadAllocatedBytes(id);
                long start = System.nanoTime();
                anchor(texts[s]);
                millis[s] = Math.min(millis[s], (System.nanoTime() - start) / 1e6);
                bytes[s] = Math.min(bytes[s], threads.getThreadAllocatedBytes(id) - before);
            }
        }
    }

    private static Anchoring anchor(String text) {
        return Anchorer.anchor(text, QUOTE, null, RevisionPath.unmapped());
    }

    private static void check(List<String> failures, String what, double small, double middle, double large,
                              double floor, String summary) {
        double step = middle / Math.max(small, floor);
        double lastStep = large / Math.max(middle, floor);
        double span = large / Math.max(small, floor);
        if (step > STEP_BOUND || lastStep > STEP_BOUND || span > SPAN_BOUND) {
            failures.add(String.format(Locale.ROOT, "%s grows %.1f× then %.1f× (%.1f× over 16×) — %s",
                    what, step, lastStep, span, summary));
        }
    }

    private static String randomLetters(int n) {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static int unitBytes() {
        String unit = System.getProperty("palimpsest.scaling.unit", "1m").strip().toLowerCase(Locale.ROOT);
        int factor = unit.endsWith("m") ? 1 << 20 : unit.endsWith("k") ? 1 << 10 : 1;
        return Integer.parseInt(unit.replaceAll("[km]$", "")) * factor;
    }
}
