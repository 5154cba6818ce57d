package org.palimpsest.archive.extraction.names;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;

/**
 * Finds every alias of a catalog in one pass over a text: an Aho–Corasick automaton over {@link AliasKey}s, run on the
 * text's folded code points with separators left out. Each hit is then checked against the text as written (case where
 * it matters, separators only where the alias has them, {@link ScriptBoundary}), overlapping hits are settled leftmost
 * then longest, and anchored aliases are kept only for entries named otherwise in the same text.
 */
final class AliasMatcher {

    /**
     * One spelling to look for.
     *
     * @param caseSensitive short all-capital acronyms ({@code MS}), which in lowercase are ordinary text ("10 ms")
     * @param spaced        the alias has separators, so the text may have them too, or not
     */
    record Alias(String entryId, String written, int[] key, boolean caseSensitive, boolean spaced, boolean anchored) {

        static Alias of(String entryId, String written, boolean anchored) {
            String stripped = written.strip();
            boolean acronym = stripped.length() <= 5 && stripped.chars().allMatch(c -> c >= 'A' && c <= 'Z');
            return new Alias(entryId, stripped, AliasKey.of(stripped), acronym, AliasKey.hasSeparator(stripped), anchored);
        }
    }

    private record Hit(int start, int end, Alias alias) {
    }

    private static final Pattern URL = Pattern.compile("(?:https?|ftp)://[^\\s<>()\\[\\]]+|www\\.[^\\s<>()\\[\\]]+");

    /** Trie transitions, failure links and the aliases ending at each node (own and inherited through failure links). */
    private final List<Map<Integer, Integer>> next = new ArrayList<>();
    private int[] fail = new int[0];
    private final List<List<Alias>> out = new ArrayList<>();

    AliasMatcher(List<Alias> aliases) {
        addNode();
        for (Alias alias : aliases) {
            int node = 0;
            for (int cp : alias.key()) {
                Integer child = next.get(node).get(cp);
                if (child == null) {
                    child = addNode();
                    next.get(node).put(cp, child);
                }
                node = child;
            }
            out.get(node).add(alias);
        }
        linkFailures();
    }

    List<NameMention> find(IndexedText indexed) {
        int[] text = indexed.text().codePoints().toArray();
        int[] view = new int[text.length];
        int[] viewToText = new int[text.length];
        int length = 0;
        for (int i = 0; i < text.length; i++) {
            if (!AliasKey.isSeparator(text[i])) {
                view[length] = AliasKey.fold(text[i]);
                viewToText[length++] = i;
            }
        }
        List<Hit> hits = new ArrayList<>();
        int node = 0;
        for (int v = 0; v < length; v++) {
            AnalysisBudget.checkpoint();
            node = step(node, view[v]);
            for (Alias alias : out.get(node)) {
                int start = viewToText[v - alias.key().length + 1];
                int end = viewToText[v] + 1;
                if (accepts(text, start, end, alias)) {
                    hits.add(new Hit(start, end, alias));
                }
            }
        }
        List<Span> urls = urls(indexed);
        hits.removeIf(h -> overlapsAny(urls, h.start(), h.end()));
        List<Hit> plain = settle(hits.stream().filter(h -> !h.alias().anchored()).toList());
        Set<String> named = new HashSet<>();
        plain.forEach(h -> named.add(h.alias().entryId()));
        List<Hit> kept = settle(hits.stream().filter(h -> !h.alias().anchored() || named.contains(h.alias().entryId())).toList());
        return kept.stream()
                .map(h -> new NameMention(new Span(h.start(), h.end()), h.alias().entryId(),
                        new String(text, h.start(), h.end() - h.start())))
                .toList();
    }

    /** Web addresses: a name inside one ({@code openai.com/index/elon-musk-...}) is part of the address, not a mention. */
    private static List<Span> urls(IndexedText text) {
        List<Span> urls = new ArrayList<>();
        Matcher url = URL.matcher(AnalysisBudget.watch(text.text()));
        while (url.find()) {
            urls.add(text.span(url.start(), url.end()));
        }
        return urls;
    }

    /**
     * True when [start, end) overlaps one of {@code urls}, which are in text order and never overlap: a binary search
     * for the first address ending after {@code start}, so that many names and many addresses cost n log n, not n².
     */
    private static boolean overlapsAny(List<Span> urls, int start, int end) {
        int lo = 0;
        int hi = urls.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (urls.get(mid).end() <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < urls.size() && urls.get(lo).start() < end;
    }

    private static boolean accepts(int[] text, int start, int end, Alias alias) {
        int written = end - start;
        if (!alias.spaced() && written != alias.key().length) {
            return false;
        }
        if (alias.caseSensitive()) {
            int[] asWritten = Arrays.stream(text, start, end).filter(cp -> !AliasKey.isSeparator(cp)).toArray();
            if (!Arrays.equals(asWritten, alias.written().codePoints().filter(cp -> !AliasKey.isSeparator(cp)).toArray())) {
                return false;
            }
        }
        return ScriptBoundary.standsAlone(text, start, end);
    }

    /** Leftmost first, then longest; a hit overlapping one already kept is dropped. */
    private static List<Hit> settle(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        List<Hit> kept = new ArrayList<>();
        int end = 0;
        for (Hit h : sorted) {
            if (h.start() >= end) {
                kept.add(h);
                end = h.end();
            }
        }
        return kept;
    }

    private int step(int node, int cp) {
        int n = node;
        while (n != 0 && !next.get(n).containsKey(cp)) {
            n = fail[n];
        }
        return next.get(n).getOrDefault(cp, 0);
    }

    private void linkFailures() {
        fail = new int[next.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Map.Entry<Integer, Integer> edge : next.get(node).entrySet()) {
                int child = edge.getValue();
                int f = fail[node];
                while (f != 0 && !next.get(f).containsKey(edge.getKey())) {
                    f = fail[f];
                }
                Integer target = next.get(f).get(edge.getKey());
                fail[child] = target == null || target == child ? 0 : target;
                out.get(child).addAll(out.get(fail[child]));
                queue.add(child);
            }
        }
    }

    private int addNode() {
        next.add(new HashMap<>());
        out.add(new ArrayList<>());
        return next.size() - 1;
    }
}
