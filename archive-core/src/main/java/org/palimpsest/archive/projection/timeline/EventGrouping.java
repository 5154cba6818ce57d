package org.palimpsest.archive.projection.timeline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.palimpsest.archive.projection.DisjointSets;

/**
 * Decides which statements describe the same event. Two statements from different documents are one event
 * when their dates agree (the intervals overlap and neither is more than a season wider than the other, so
 * "2017" does not swallow every day of 2017) and their content agrees: the same people and organizations, or,
 * in the same language, largely the same wording. Names carry the cross-language case, since the catalog knows
 * every spelling; wording is compared on character bigrams, which work for Hangul, Kana, Han and Latin alike.
 */
final class EventGrouping {

    private static final long MAX_WIDTH_DIFFERENCE_DAYS = 92;
    private static final double NAME_OVERLAP = 0.5;
    private static final double WORDING_OVERLAP = 0.35;

    private EventGrouping() {
    }

    static List<TimelineEvent> group(List<TimelineEntry> entries) {
        List<TimelineEntry> placed = entries.stream().filter(TimelineEntry::placed)
                .sorted(Comparator.comparing(TimelineEntry::earliest).thenComparing(TimelineEntry::key)).toList();
        DisjointSets sets = new DisjointSets(placed.size());
        Map<String, Set<String>> bigrams = new HashMap<>();
        for (int i = 0; i < placed.size(); i++) {
            TimelineEntry a = placed.get(i);
            // Sorted by start: once b starts after a ends, no later entry can overlap a.
            for (int j = i + 1; j < placed.size() && !placed.get(j).earliest().isAfter(a.latest()); j++) {
                TimelineEntry b = placed.get(j);
                if (!a.documentId().equals(b.documentId()) && datesAgree(a, b) && contentAgrees(a, b, bigrams)) {
                    sets.union(i, j);
                }
            }
        }
        Map<Integer, List<TimelineEntry>> groups = new HashMap<>();
        for (int i = 0; i < placed.size(); i++) {
            groups.computeIfAbsent(sets.find(i), k -> new ArrayList<>()).add(placed.get(i));
        }
        List<TimelineEvent> events = new ArrayList<>(groups.values().stream().map(EventGrouping::event).toList());
        events.sort(Comparator.comparing(TimelineEvent::earliest).thenComparing(TimelineEvent::latest)
                .thenComparing(TimelineEvent::id));
        entries.stream().filter(e -> !e.placed()).map(e -> event(List.of(e))).forEach(events::add);
        return events;
    }

    private static TimelineEvent event(List<TimelineEntry> sources) {
        TimelineEntry precise = sources.stream().min(Comparator.comparingLong(TimelineEntry::width)
                .thenComparing(TimelineEntry::key)).orElseThrow();
        List<String> languages = sources.stream().map(TimelineEntry::language).distinct().sorted().toList();
        return new TimelineEvent(sources.get(0).key(), precise.iso(), precise.precision(), precise.qualifier(),
                precise.earliest(), precise.latest(), precise.text(), languages, List.copyOf(sources));
    }

    private static boolean datesAgree(TimelineEntry a, TimelineEntry b) {
        boolean overlap = !a.earliest().isAfter(b.latest()) && !b.earliest().isAfter(a.latest());
        return overlap && Math.abs(a.width() - b.width()) <= MAX_WIDTH_DIFFERENCE_DAYS;
    }

    private static boolean contentAgrees(TimelineEntry a, TimelineEntry b, Map<String, Set<String>> cache) {
        if (jaccard(new HashSet<>(a.names()), new HashSet<>(b.names())) >= NAME_OVERLAP) {
            return true;
        }
        if (!a.language().equals(b.language())) {
            return false;
        }
        Set<String> x = cache.computeIfAbsent(a.key(), k -> bigrams(a.text()));
        Set<String> y = cache.computeIfAbsent(b.key(), k -> bigrams(b.text()));
        return jaccard(x, y) >= WORDING_OVERLAP;
    }

    static Set<String> bigrams(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        Set<String> grams = new HashSet<>();
        int[] cps = folded.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (cps[i] != ' ' && cps[i + 1] != ' ') {
                grams.add(new String(cps, i, 2));
            }
        }
        return grams;
    }

    private static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        long shared = x.stream().filter(y::contains).count();
        return (double) shared / (x.size() + y.size() - shared);
    }

}
