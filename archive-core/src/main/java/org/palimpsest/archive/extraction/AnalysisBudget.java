package org.palimpsest.archive.extraction;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A time budget for analysing one document's text, kept cooperatively: no thread is interrupted. While
 * {@link #run} executes an analysis on a thread, analysers on that thread call {@link #checkpoint()} in their long
 * loops and hand their regexes {@link #watch(CharSequence)}, a view of the text that looks at the clock every few
 * thousand characters read — which is what stops a regex that backtracks without end. Past the deadline either
 * throws {@link AnalysisBudgetExceededException}. Outside {@code run} both cost next to nothing and never throw, so
 * the analysers stay plain functions.
 *
 * <p>The analysers are linear in their text (the scaling test proves it), so the budget is a guard against what no
 * test foresaw, not a limit that ordinary documents meet.
 */
public final class AnalysisBudget {

    /**
     * 30 s: the slowest adversarial 16 MB text of the scaling test takes a few seconds on a developer machine and
     * well under 30 s on two busy shared cores, so a real document never meets it; and it stays under Axon's 60 s
     * unit-of-work timeout for event processors, so a runaway analysis fails with this budget's own exception —
     * which names the document — before the processor's unit of work times out as a whole.
     */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    /** Characters read, or checkpoints passed, between two looks at the clock. */
    private static final int CHECK_EVERY = 4096;

    private static final ThreadLocal<@Nullable Scope> CURRENT = new ThreadLocal<>();

    private final Duration limit;

    private AnalysisBudget(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("an analysis budget must be positive, not " + limit);
        }
        this.limit = limit;
    }

    public static AnalysisBudget of(Duration limit) {
        return new AnalysisBudget(limit);
    }

    public static AnalysisBudget standard() {
        return new AnalysisBudget(DEFAULT);
    }

    public Duration limit() {
        return limit;
    }

    /**
     * Runs {@code analysis} of document {@code documentId}'s text within this budget, on this thread.
     *
     * @param analyser what the exception names when the budget runs out ("timeline", "emails", ...)
     * @throws AnalysisBudgetExceededException when the analysis reaches a checkpoint past the deadline
     */
    public <T> T run(String analyser, String documentId, int textLength, Supplier<T> analysis) {
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(analyser, documentId, textLength, limit, System.nanoTime() + limit.toNanos()));
        try {
            return analysis.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Counts one step of a long loop; every few thousand steps, throws if the running analysis is out of time. */
    public static void checkpoint() {
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.tick();
        }
    }

    /** {@code text} as a regex or scanner should read it: watched by the running analysis' budget, if any. */
    public static CharSequence watch(CharSequence text) {
        Scope scope = CURRENT.get();
        return scope == null ? text : new Watched(text, scope);
    }

    private static final class Scope {
        private final String analyser;
        private final String documentId;
        private final int textLength;
        private final Duration limit;
        private final long deadline;
        private int countdown = CHECK_EVERY;

        Scope(String analyser, String documentId, int textLength, Duration limit, long deadline) {
            this.analyser = analyser;
            this.documentId = documentId;
            this.textLength = textLength;
            this.limit = limit;
            this.deadline = deadline;
        }

        void tick() {
            if (--countdown <= 0) {
                countdown = CHECK_EVERY;
                if (System.nanoTime() - deadline > 0) {
                    throw new AnalysisBudgetExceededException(analyser, documentId, textLength, limit);
                }
            }
        }
    }

    /** A text that ticks its scope on every character read; slices stay watched. */
    private record Watched(CharSequence text, Scope scope) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            scope.tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Watched(text.subSequence(start, end), scope);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
