package org.palimpsest.annotations.anchoring;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.fix.TextChange;

/**
 * Places an annotation's selectors in the current text of its document.
 *
 * <ol>
 * <li><b>Exact.</b> With the exact edits since the annotation's revision, its position is mapped through each
 * {@link TextChange}. If no edit touched it and the quote is still there, that is the answer: {@code EXACT}.</li>
 * <li><b>Fuzzy.</b> Otherwise (an edit touched the quote, a re-import replaced the text, or there was no position)
 * the quote is searched for approximately, as the Hypothesis client does: every place within {@code ⌊m/2⌋} edits
 * of the {@code m}-code-point quote is a candidate (see {@link ApproximateSearch}), and each is scored by how much
 * of the selector's evidence is found there:
 * <pre>
 *   q        = 1 − errors / m                                   quote similarity
 *   p, s     = 1 − edit distance / length                       prefix, suffix similarity to the text around it
 *   c        = 0.8 · max(p·P, s·S) / max(P, S) + 0.2 · (p·P + s·S) / (P + S)
 *   evidence = (2·m·q + C·c) / (2·m + C)     with C = max(P, S)  (= q when there is no context)
 *   score    = 0.98 · evidence + 0.02 · closeness,   closeness = 1 − |start − expected start| / text length
 * </pre>
 * with {@code P}, {@code S} the prefix and suffix lengths in code points. The quote weighs most (double, per code
 * point). Context weighs by its length, so a three-letter quote is carried by its context while a long quote is
 * evidence enough on its own; and one surviving side of context counts almost fully, because an edit next to a
 * quote usually changes one side only. Position only breaks near-ties, such as a phrase repeated with the same
 * context. The best candidate is {@code FUZZY} when it scores at least {@link #FUZZY_THRESHOLD}.</li>
 * <li><b>Orphaned.</b> Nothing scores enough: the annotation keeps its last known place and is shown as orphaned,
 * never moved to a place its own evidence does not support.</li>
 * </ol>
 * With the usual 32 code points of context on each side the threshold means, for example: a quote found verbatim
 * where one side of its context survives is found however short it is; a quote found verbatim where all its context
 * changed is found only if it is long enough to stand alone (about 20 to 36 code points, depending on how much the
 * new surroundings happen to resemble the old), a shorter one is orphaned; and where the context survives, a quote is
 * found despite edits up to half its length, unless it is long (a 40-code-point quote with more than about 17 edits
 * is a different passage, and the reader should look again).
 */
public final class Anchorer {

    /** Lowest score at which a fuzzy candidate is accepted. */
    public static final double FUZZY_THRESHOLD = 0.70;
    /** Weight of closeness to the expected position: small, a tie-breaker. */
    static final double POSITION_WEIGHT = 0.02;
    /** Bound on the candidates scored, for pathological texts; candidates are taken best quote match first. */
    static final int MAX_CANDIDATES = 5_000;

    private Anchorer() {
    }

    /**
     * @param currentText the document's current NFC text
     * @param quote       the annotation's quote selector
     * @param position    its position selector in the revision it was made on, if any
     * @param path        how the text got from that revision to the current one
     */
    public static Anchoring anchor(String currentText, TextQuoteSelector quote, @Nullable TextPositionSelector position,
                                   RevisionPath path) {
        if (quote.exact().isEmpty()) {
            return Anchoring.orphaned(position == null ? null : position.span());
        }
        IndexedText text = new IndexedText(currentText);
        if (position != null && path instanceof RevisionPath.Edits edits) {
            Optional<Span> mapped = Optional.of(position.span());
            for (TextChange change : edits.changes()) {
                mapped = mapped.flatMap(change::map);
            }
            // The quote check guards against a caller passing edits that do not belong to this text.
            if (mapped.isPresent() && mapped.get().end() <= text.length()
                    && text.slice(mapped.get()).equals(quote.exact())) {
                return Anchoring.exact(mapped.get(), quote.exact());
            }
        }
        int expected = position == null ? -1 : Math.min(expectedStart(position.start(), path), text.length());
        return bestCandidate(text, quote, expected)
                .filter(candidate -> candidate.score() >= FUZZY_THRESHOLD)
                .map(candidate -> Anchoring.fuzzy(candidate.span(), candidate.score(), text.slice(candidate.span())))
                .orElseGet(() -> Anchoring.orphaned(position == null ? null : position.span()));
    }

    /** Where the quote should start now: its old start moved by every edit, or to the start of an edit that ate it. */
    private static int expectedStart(int start, RevisionPath path) {
        int expected = start;
        if (path instanceof RevisionPath.Edits edits) {
            for (TextChange change : edits.changes()) {
                OptionalInt moved = change.map(expected);
                expected = moved.isPresent() ? moved.getAsInt() : change.start();
            }
        }
        return expected;
    }

    private record Candidate(Span span, double score) {
    }

    private static Optional<Candidate> bestCandidate(IndexedText indexed, TextQuoteSelector quote, int expected) {
        int[] text = ApproximateSearch.codePoints(indexed.text());
        int[] exact = ApproximateSearch.codePoints(quote.exact());
        int[] prefix = quote.prefix() == null ? new int[0] : ApproximateSearch.codePoints(quote.prefix());
        int[] suffix = quote.suffix() == null ? new int[0] : ApproximateSearch.codePoints(quote.suffix());
        ApproximateSearch search = new ApproximateSearch(exact);
        List<ApproximateSearch.End> ends = search.ends(text, exact.length / 2,
                Comparator.comparingInt(ApproximateSearch.End::errors)
                        .thenComparingInt(end -> expected < 0 ? 0 : Math.abs(end.end() - exact.length - expected)),
                MAX_CANDIDATES);
        Candidate best = null;
        for (ApproximateSearch.End end : ends) {
            // Candidates come fewest errors first, so once even perfect context cannot win, none after can either.
            double bound = score(exact.length, end.errors(), prefix.length, 1, suffix.length, 1, 1);
            if (bound < FUZZY_THRESHOLD || (best != null && bound <= best.score())) {
                break;
            }
            ApproximateSearch.Match match = search.locate(text, end);
            double prefixSimilarity = similarity(prefix, text, match.start() - prefix.length, match.start());
            double suffixSimilarity = similarity(suffix, text, match.end(), match.end() + suffix.length);
            double closeness = expected < 0 ? 1 : 1 - Math.abs(match.start() - expected) / (double) Math.max(1, text.length);
            double score = score(exact.length, match.errors(), prefix.length, prefixSimilarity, suffix.length,
                    suffixSimilarity, closeness);
            if (best == null || score > best.score()) {
                best = new Candidate(new Span(match.start(), match.end()), score);
            }
        }
        return Optional.ofNullable(best);
    }

    static double score(int quoteLength, int errors, int prefixLength, double prefixSimilarity, int suffixLength,
                        double suffixSimilarity, double closeness) {
        double quoteSimilarity = 1 - errors / (double) quoteLength;
        double evidence = quoteSimilarity;
        if (prefixLength + suffixLength > 0) {
            double prefixFound = prefixLength * prefixSimilarity;
            double suffixFound = suffixLength * suffixSimilarity;
            int contextWeight = Math.max(prefixLength, suffixLength);
            double context = 0.8 * Math.max(prefixFound, suffixFound) / contextWeight
                    + 0.2 * (prefixFound + suffixFound) / (prefixLength + suffixLength);
            evidence = (2.0 * quoteLength * quoteSimilarity + contextWeight * context) / (2.0 * quoteLength + contextWeight);
        }
        return (1 - POSITION_WEIGHT) * evidence + POSITION_WEIGHT * closeness;
    }

    /** How much of {@code expected} survives in {@code text[from, to)} (clipped to the text): 1 − edits / length. */
    private static double similarity(int[] expected, int[] text, int from, int to) {
        if (expected.length == 0) {
            return 1;
        }
        int[] actual = Arrays.copyOfRange(text, Math.max(0, from), Math.min(text.length, to));
        int edits = ApproximateSearch.distance(expected, actual);
        return Math.max(0, 1 - edits / (double) expected.length);
    }
}
