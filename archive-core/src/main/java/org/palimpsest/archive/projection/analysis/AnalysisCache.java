package org.palimpsest.archive.projection.analysis;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.palimpsest.archive.document.ContentHash;
import org.palimpsest.archive.extraction.PartAnalysis;
import org.palimpsest.archive.extraction.Parts;

/**
 * The results of text analyses, each computed once per content hash and shared by every projection that reads the
 * same text: the reading view and the timeline need the same structure, and a blue/green rebuild or a replay meets
 * again the texts the live projections analysed. Bounded by the total size of the texts whose results it holds
 * (least recently and frequently used go first), and safe to share between processor threads.
 *
 * <p>It also remembers the analyses of parts of texts ({@link Parts}: a group of blocks, a unit of running text, a
 * section between headings), so that a text that changed in one part, as an accepted fix changes one sentence, is
 * analysed again in that part only, and two texts that share parts share their results. Parts are kept by their text
 * itself, not a hash of it: they are short, and comparing them costs less than hashing them.
 *
 * <p>An analysis runs on the thread that asks first, inside that thread's {@code AnalysisBudget}; a thread asking
 * for the same result meanwhile waits for it instead of analysing the text a second time. A failure (a budget
 * overrun) is never cached: the one who ran it gets the exception, and a thread that was waiting analyses the text
 * itself, within its own budget, so each projection fails or succeeds on its own account.
 */
public final class AnalysisCache implements Parts {

    /** 64 MB of text: the results of a few thousand seed-sized documents, a few dozen of the largest accepted. */
    public static final long DEFAULT_TEXT_BYTES = 64L * 1024 * 1024;

    /** What a result is kept under, and what keeping it weighs. */
    private sealed interface Key permits WholeText, Part {
        /**
         * UTF-16 bytes of the analysed text: results grow with it, and it is known before they exist. A part's key holds
         * its text too, so it counts twice.
         */
        long weight();
    }

    /** An analysis (with its parameters) of the text with this hash and length. */
    private record WholeText(TextAnalysis<?> analysis, String contentHash, int length) implements Key {
        @Override
        public long weight() {
            return 2L * length;
        }
    }

    /** An analysis (with its parameters) of this very part of a text. */
    private record Part(PartAnalysis<?> analysis, String text) implements Key {
        @Override
        public long weight() {
            return 4L * text.length();
        }
    }

    private final AsyncCache<Key, Object> results;
    private final ConcurrentMap<String, LongAdder> runs = new ConcurrentHashMap<>();

    private AnalysisCache(long maximumTextBytes) {
        if (maximumTextBytes < 0) {
            throw new IllegalArgumentException("an analysis cache cannot hold a negative size: " + maximumTextBytes);
        }
        this.results = Caffeine.newBuilder()
                .maximumWeight(maximumTextBytes)
                .weigher((Key key, Object result) -> (int) Math.min(Integer.MAX_VALUE, key.weight()))
                // Evict on the thread that adds: no pool thread, and a size that holds at once.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** A cache holding results for texts of at most {@code maximumTextBytes} in total (0 keeps nothing). */
    public static AnalysisCache holding(long maximumTextBytes) {
        return new AnalysisCache(maximumTextBytes);
    }

    /** A cache of the default size, for a projection built on its own (tests, tools). */
    public static AnalysisCache standard() {
        return new AnalysisCache(DEFAULT_TEXT_BYTES);
    }

    /**
     * {@code analysis} of {@code text}: the result computed earlier for the same content, or computed now on this
     * thread. Equal to {@code analysis.analyse(text, this)}.
     *
     * @throws RuntimeException whatever the analysis throws when it runs here (then nothing is cached)
     */
    public <T> T get(TextAnalysis<T> analysis, String text) {
        return get(new WholeText(analysis, ContentHash.of(text), text.length()), analysis.name(),
                () -> analysis.analyse(text, this));
    }

    /**
     * {@code analysis} of one part of a text: the result computed earlier for an equal part, or computed now on this
     * thread. Equal to {@code analysis.analyse(part)}.
     *
     * @throws RuntimeException whatever the analysis throws when it runs here (then nothing is cached)
     */
    @Override
    public <T> T of(PartAnalysis<T> analysis, String part) {
        return get(new Part(analysis, part), analysis.name(), () -> analysis.analyse(part));
    }

    private <T> T get(Key key, String name, Supplier<T> analysis) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> earlier = results.asMap().putIfAbsent(key, mine);
        if (earlier == null) {
            return run(name, analysis, mine);
        }
        try {
            @SuppressWarnings("unchecked") T result = (T) earlier.join();
            return result;
        } catch (CompletionException | CancellationException failedElsewhere) {
            // Another projection's analysis failed (its budget ran out): this one tries on its own account.
            return run(name, analysis, new CompletableFuture<>());
        }
    }

    private <T> T run(String name, Supplier<T> analysis, CompletableFuture<Object> promise) {
        runs.computeIfAbsent(name, n -> new LongAdder()).increment();
        try {
            T result = analysis.get();
            promise.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // Caffeine drops a future that completes exceptionally, so the failure is not kept as a result.
            promise.completeExceptionally(e);
            throw e;
        }
    }

    /** How many times analyses named {@code name} actually ran (not answered from the cache), since this cache began. */
    public long runs(String name) {
        LongAdder count = runs.get(name);
        return count == null ? 0 : count.sum();
    }
}
