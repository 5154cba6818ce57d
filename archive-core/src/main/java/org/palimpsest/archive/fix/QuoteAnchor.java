package org.palimpsest.archive.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;

/**
 * Finds the one place in a text that a quote selector names. Position wins when it holds the quote; otherwise
 * every occurrence of the quote is filtered by the prefix and suffix given; a position that no longer holds the
 * quote still breaks a tie by nearness. Anything but exactly one candidate is reported, never guessed.
 */
public final class QuoteAnchor {

    private QuoteAnchor() {
    }

    /** The outcome of anchoring: exactly one of {@code span} (found) or {@code candidates} (0 = missing, 2+ = ambiguous). */
    public record Result(java.util.Optional<Span> span, List<Span> candidates) {

        static Result found(Span span) {
            return new Result(java.util.Optional.of(span), List.of(span));
        }

        static Result unresolved(List<Span> candidates) {
            return new Result(java.util.Optional.empty(), List.copyOf(candidates));
        }

        public boolean missing() {
            return span.isEmpty() && candidates.isEmpty();
        }

        public boolean ambiguous() {
            return span.isEmpty() && candidates.size() > 1;
        }
    }

    public static Result locate(String text, FixTarget target) {
        IndexedText indexed = new IndexedText(text);
        String exact = target.exact();
        Integer start = target.start();
        Integer end = target.end();
        if (start != null && start >= 0 && start <= indexed.length()) {
            int expectedEnd = end != null ? end : start + exact.codePointCount(0, exact.length());
            if (expectedEnd <= indexed.length() && expectedEnd >= start
                    && indexed.slice(new Span(start, expectedEnd)).equals(exact)) {
                return Result.found(new Span(start, expectedEnd));
            }
        }
        List<Span> matches = new ArrayList<>();
        for (int from = text.indexOf(exact); from >= 0 && !exact.isEmpty(); from = text.indexOf(exact, from + 1)) {
            int to = from + exact.length();
            if (contextMatches(text, from, to, target)) {
                matches.add(indexed.span(from, to));
            }
        }
        if (matches.size() > 1 && start != null) {
            matches.sort(Comparator.comparingInt(s -> Math.abs(s.start() - start)));
            int nearest = Math.abs(matches.get(0).start() - start);
            int second = Math.abs(matches.get(1).start() - start);
            if (nearest < second) {
                return Result.found(matches.get(0));
            }
        }
        return matches.size() == 1 ? Result.found(matches.get(0)) : Result.unresolved(matches);
    }

    private static boolean contextMatches(String text, int from, int to, FixTarget target) {
        String prefix = target.prefix();
        String suffix = target.suffix();
        // regionMatches, not substring().endsWith(): no copy of the text per occurrence of a short quote.
        return (prefix == null || (from >= prefix.length() && text.regionMatches(from - prefix.length(), prefix, 0, prefix.length())))
                && (suffix == null || text.startsWith(suffix, to));
    }
}
