package org.palimpsest.archive.extraction.names;

import java.util.List;

/**
 * A person or organization and the ways texts write it.
 *
 * @param id              stable, lowercase words joined by hyphens: {@code elon-musk}
 * @param canonical       the name shown for it; always matched as well
 * @param kind            person or organization
 * @param aliases         spellings matched anywhere: {@code 일론 머스크}, {@code イーロン・マスク}, {@code 马斯克}
 * @param anchoredAliases spellings too ambiguous to stand alone — a given name ({@code Greg}, {@code 샘}), a common word
 *                        ({@code 奥特曼} is also Ultraman) — matched only in a text that also names the entry through one
 *                        of its {@code aliases} or its canonical name
 */
public record NameEntry(String id, String canonical, Kind kind, List<String> aliases, List<String> anchoredAliases) {

    public enum Kind {
        PERSON,
        ORGANIZATION
    }

    public NameEntry {
        aliases = List.copyOf(aliases);
        anchoredAliases = List.copyOf(anchoredAliases);
    }

    public NameEntry(String id, String canonical, Kind kind, List<String> aliases) {
        this(id, canonical, kind, aliases, List.of());
    }
}
