package org.palimpsest.archive.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Remembers every part it is asked for, as a cache that never forgets, and counts the analyses it ran. */
public final class RememberedParts implements Parts {

    private final Map<List<Object>, Object> results = new HashMap<>();
    private final Map<String, Integer> runs = new HashMap<>();

    @Override
    public <T> T of(PartAnalysis<T> analysis, String part) {
        List<Object> key = List.of(analysis, part);
        if (!results.containsKey(key)) {
            runs.merge(analysis.name(), 1, Integer::sum);
            results.put(key, analysis.analyse(part));
        }
        @SuppressWarnings("unchecked") T result = (T) results.get(key);
        return result;
    }

    /** How many parts analyses named {@code name} actually read. */
    public int runs(String name) {
        return runs.getOrDefault(name, 0);
    }

    /** How many parts were read, whatever the analysis. */
    public int runs() {
        return runs.values().stream().mapToInt(Integer::intValue).sum();
    }
}
