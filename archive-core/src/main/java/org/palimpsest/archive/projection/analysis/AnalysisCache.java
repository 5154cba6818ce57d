package org.palimpsest.archive.projection.analysis;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.palimpsest.archive.document.ContentHash;

/**
 * The results of text analyses, each computed once per content hash and shared by every projection that reads the
 * same text: the reading view and the timeline need the same structure, and a blue/green rebuild or a replay meets
 * again the texts the live projections analysed. Bounded by the total size of the texts whose results it holds
 * (least recently and frequently used go first), and safe to share between processor threads.
 *
 * <p>An analysis runs on the thread that asks first, inside that thread's {@code AnalysisBudget}; a thread asking
 * for the same result meanwhile waits for it instead of analysing the text a second time. A failure (a budget
 * overrun) is never cached: the one who ran it gets the exception, and a thread that was waiting analyses the text
 * itself, within its own budget, so each projection fails or succeeds on its own account.
 */
public final class AnalysisCache {

    /** 64 MB of text: the results of a few thousand seed-sized documents, a few dozen of the largest accepted. */
    public static final long DEFAULT_TEXT_BYTES = 64L * 1024 * 1024;

    /** What is cached: an analysis (with its parameters) of the text with this hash and length. */
    private record Key(TextAnalysis<?> analysis, String contentHash, int length) {
    }

    private final AsyncCache<Key, Object> results;
    private final ConcurrentMap<String, LongAdder> runs = new ConcurrentHashMap<>();

    private AnalysisCache(long maximumTextBytes) {
        if (maximumTextBytes < 0) {
            throw new IllegalArgumentException("an analysis cache cannot hold a negative size: " + maximumTextBytes);
        }
        this.results = Caffeine.newBuilder()
                .maximumWeight(maximumTextBytes)
                // UTF-16 bytes of the analysed text: results grow with it, and it is known before they exist.
                .weigher((Key key, Object result) -> (int) Math.min(Integer.MAX_VALUE, 2L * key.length()))
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
        Key key = new Key(analysis, ContentHash.of(text), text.length());
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> earlier = results.asMap().putIfAbsent(key, mine);
        if (earlier == null) {
            return run(analysis, text, mine);
        }
        try {
            @SuppressWarnings("unchecked") T result = (T) earlier.join();
            return result;
        } catch (CompletionException | CancellationException failedElsewhere) {
            // Another projection's analysis failed (its budget ran out): this one tries on its own account.
            return run(analysis, text, new CompletableFuture<>());
        }
    }

    private <T> T run(TextAnalysis<T> analysis, String text, CompletableFuture<Object> promise) {
        runs.computeIfAbsent(analysis.name(), n -> new LongAdder()).increment();
        try {
            T result = analysis.analyse(text, this);
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
